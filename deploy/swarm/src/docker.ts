import { execFileSync, spawnSync } from 'node:child_process';

export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly input?: string;
  readonly cwd?: string;
  readonly timeoutMs?: number;
}

/** Runs `docker …` with its output shown; throws when it fails. */
export function docker(args: string[], options: RunOptions = {}): void {
  const result = spawnSync('docker', args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    input: options.input,
    stdio: [
      options.input === undefined ? 'ignore' : 'pipe',
      'inherit',
      'inherit',
    ],
    timeout: options.timeoutMs ?? 20 * 60_000,
  });
  if (result.status !== 0) {
    throw new Error(`docker ${args.slice(0, 3).join(' ')} … failed`);
  }
}

/** Runs `docker …` and returns what it printed, trimmed. */
export function dockerOutput(args: string[], options: RunOptions = {}): string {
  return execFileSync('docker', args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    input: options.input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeoutMs ?? 2 * 60_000,
  }).trim();
}

/** True when `docker …` succeeds; for questions like "does it exist?". */
export function dockerSucceeds(args: string[]): boolean {
  const result = spawnSync('docker', args, {
    stdio: 'ignore',
    timeout: 60_000,
  });
  return result.status === 0;
}

export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
