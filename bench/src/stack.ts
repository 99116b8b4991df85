import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const ROOT = join(__dirname, '..', '..');
const BENCH_COMPOSE = join(ROOT, 'bench', 'docker-compose.bench.yml');

/**
 * Ports of the bench's own stack: apart from the development stack's
 * (8080, 5432, …) and the browser tests' (18080, 13001–13003).
 */
const BENCH_PORTS = {
  GATEWAY_PORT: '28080',
  POSTGRES_PORT: '25432',
  RABBITMQ_MANAGEMENT_PORT: '25672',
  RESERVATION_PORT: '23001',
  PAYMENT_PORT: '23002',
  CANCELLATION_PORT: '23003',
};
export const BENCH_GATEWAY = `http://127.0.0.1:${BENCH_PORTS.GATEWAY_PORT}`;

/** A Compose project: the bench's own, or one already running. */
export class Stack {
  constructor(
    readonly project: string,
    private readonly owned: boolean,
  ) {}

  /** Starts from empty volumes, builds what changed, waits until healthy. */
  async up(build: boolean): Promise<void> {
    await this.compose(['down', '-v', '--remove-orphans'], 'inherit');
    const rebuild = build ? ['--build'] : [];
    await this.compose(['up', '-d', ...rebuild, '--wait'], 'inherit');
  }

  async down(): Promise<void> {
    await this.compose(['down', '-v', '--remove-orphans'], 'inherit');
  }

  /** Runs SQL as the superuser in one database; returns tab-separated rows. */
  async sql(database: string, statement: string): Promise<string[][]> {
    const { stdout } = await this.exec(
      ['psql', '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1'],
      ['-At', '-F', '\t', '-c', statement],
    );
    return stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split('\t'));
  }

  /** Runs a command in the PostgreSQL container, feeding it `input`. */
  async exec(
    command: string[],
    args: string[] = [],
    input?: string,
  ): Promise<{ stdout: string }> {
    const child = spawn(
      'docker',
      [...this.composeArgs(), 'exec', '-T', 'postgres', ...command, ...args],
      { cwd: ROOT, env: this.env(), stdio: ['pipe', 'pipe', 'pipe'] },
    );
    child.stdin.end(input ?? '');
    return collect(child, command[0]);
  }

  /** Container name → Compose service, for the project's containers. */
  async containers(): Promise<Map<string, string>> {
    const { stdout } = await run(
      'docker',
      [
        'ps',
        '--filter',
        `label=com.docker.compose.project=${this.project}`,
        '--format',
        '{{.Names}}\t{{.Label "com.docker.compose.service"}}',
      ],
      { env: this.env() },
    );
    return new Map(
      stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t') as [string, string]),
    );
  }

  private compose(args: string[], stdio: 'inherit'): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn('docker', [...this.composeArgs(), ...args], {
        cwd: ROOT,
        env: this.env(),
        stdio: ['ignore', stdio, stdio],
      });
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0
          ? resolve()
          : reject(new Error(`docker compose ${args[0]} exited ${code}`)),
      );
    });
  }

  private composeArgs(): string[] {
    const files = this.owned
      ? ['-f', join(ROOT, 'docker-compose.yml'), '-f', BENCH_COMPOSE]
      : [];
    return ['compose', '-p', this.project, ...files];
  }

  private env(): NodeJS.ProcessEnv {
    return this.owned ? { ...process.env, ...BENCH_PORTS } : process.env;
  }
}

function collect(
  child: ReturnType<typeof spawn>,
  name: string,
): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve({ stdout })
        : reject(new Error(`${name} exited ${code}: ${stderr.trim()}`)),
    );
  });
}
