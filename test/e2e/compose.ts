import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/**
 * The whole system as a Compose project of its own. Projects differ in name
 * and in the environment Compose reads (host ports, image tag), so several
 * can run side by side on one machine.
 */
export class ComposeStack {
  constructor(
    readonly project: string,
    private readonly env: Record<string, string> = {},
  ) {}

  /** Runs `docker compose` for this project, printing its output. */
  run(...args: string[]): void {
    execFileSync('docker', ['compose', '-p', this.project, ...args], {
      cwd: root,
      env: { ...process.env, ...this.env },
      stdio: 'inherit',
      timeout: 20 * 60_000,
    });
  }

  /** Runs `docker compose` for this project and returns what it printed. */
  capture(...args: string[]): string {
    return execFileSync('docker', ['compose', '-p', this.project, ...args], {
      cwd: root,
      env: { ...process.env, ...this.env },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 5 * 60_000,
    });
  }

  /** Builds the images and starts the stack, or leaves nothing behind. */
  up(): void {
    try {
      this.run('up', '-d', '--build', '--wait', '--wait-timeout', '300');
    } catch (error) {
      this.run('logs', '--no-color', '--tail', '80');
      this.down();
      throw error;
    }
  }

  /** Prints the services' last log lines, then removes stack and data. */
  tearDown(): void {
    this.run(
      'logs',
      '--no-color',
      '--tail',
      '30',
      'reservation',
      'payment',
      'cancellation',
    );
    this.down();
  }

  private down(): void {
    this.run('down', '-v', '--remove-orphans');
  }
}

export const e2eStack = new ComposeStack('airline-e2e');
