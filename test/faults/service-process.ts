import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { testEnvironment, waitUntilReady } from '@airline/testing';

const root = join(__dirname, '../..');

/** Builds the services' bundles (cached by Nx when nothing changed). */
export function buildServices(): void {
  execFileSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '--outputStyle=static'],
    {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
      timeout: 180_000,
    },
  );
}

/**
 * A service as its container runs it: the built bundle in a process of its
 * own, so a test can SIGKILL or SIGTERM it.
 */
export class ServiceProcess {
  private static readonly running = new Set<ServiceProcess>();
  readonly exited: Promise<{ code: number | null; signal: string | null }>;
  private output = '';

  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk) => (this.output += chunk));
    child.stderr?.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        ServiceProcess.running.delete(this);
        resolve({ code, signal });
      }),
    );
    ServiceProcess.running.add(this);
  }

  static async start(
    service: string,
    database: string,
    vhost: string,
    env: Record<string, string> = {},
  ): Promise<ServiceProcess> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [join(root, 'dist/services', service, 'main.js')],
      {
        env: {
          PATH: process.env.PATH,
          ...testEnvironment(database, vhost, {
            LOG_LEVEL: 'info',
            SEED_DAYS: '5',
            ...env,
          }),
          PORT: String(port),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const started = new ServiceProcess(`http://127.0.0.1:${port}`, child);
    await waitUntilReady(started.url).catch((error: Error) => {
      child.kill('SIGKILL');
      throw new Error(`${error.message}\n${started.output.slice(-2_000)}`);
    });
    return started;
  }

  /** Kills whatever a failed test left running, so Jest can exit. */
  static async killAll(): Promise<void> {
    const left = [...ServiceProcess.running];
    left.forEach((service) => service.kill('SIGKILL'));
    await Promise.all(left.map((service) => service.exited));
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  logs(): string {
    return this.output;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(),
      );
    });
  });
}
