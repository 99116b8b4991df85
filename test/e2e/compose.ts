import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const PROJECT = 'airline-e2e';
const root = join(__dirname, '../..');

/** Runs `docker compose` for the end-to-end project, printing its output. */
export function compose(...args: string[]): void {
  execFileSync('docker', ['compose', '-p', PROJECT, ...args], {
    cwd: root,
    stdio: 'inherit',
    timeout: 20 * 60_000,
  });
}
