/**
 * Polls until `probe` returns a value or the time is up. For reading what
 * another service announced a moment ago: its event may still be on its way.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null) {
      return value;
    }
    if (Date.now() + intervalMs > deadline) {
      return undefined;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
