export interface WaitForOptions {
  /** The longest pause between two probes. */
  readonly intervalMs?: number;
  /** Pauses up to `ms`; may end early, when what is awaited may be there. */
  readonly pause?: (ms: number) => Promise<void>;
}

/**
 * Probes until `probe` returns a value or the time is up. For reading what
 * another service announced a moment ago: its event may still be on its way.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null>,
  timeoutMs: number,
  { intervalMs = 50, pause = sleep }: WaitForOptions = {},
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null) {
      return value;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      return undefined;
    }
    await pause(Math.min(intervalMs, left));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
