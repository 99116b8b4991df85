import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ContainerSample {
  readonly name: string;
  readonly cpuPercent: number;
  readonly memoryMiB: number;
}

export interface ContainerFigures {
  readonly peakCpuPercent: number;
  readonly peakMemoryMiB: number;
  /** Memory in the first and last sample: flat over a soak, or growing. */
  readonly firstMemoryMiB: number;
  readonly lastMemoryMiB: number;
  /**
   * The highest memory in each tenth of the run, in order. A leak keeps
   * raising it to the end; a heap that has found its size levels off.
   */
  readonly memoryByTenthMiB: number[];
  readonly samples: number;
  /** CPU time the container used during the load, in seconds. */
  readonly cpuSeconds?: number;
}

const UNITS: Record<string, number> = {
  B: 1 / 1024 / 1024,
  KiB: 1 / 1024,
  kB: 1 / 1024,
  MiB: 1,
  MB: 1,
  GiB: 1024,
  GB: 1024,
};

/** Parses one `docker stats --format '{{json .}}'` line. */
export function parseStatsLine(line: string): ContainerSample {
  const entry = JSON.parse(line) as {
    Name: string;
    CPUPerc: string;
    MemUsage: string;
  };
  const used = entry.MemUsage.split('/')[0].trim();
  const match = /^([\d.]+)\s*([A-Za-z]+)$/.exec(used);
  if (!match || UNITS[match[2]] === undefined) {
    throw new Error(`unreadable memory figure "${entry.MemUsage}"`);
  }
  return {
    name: entry.Name,
    cpuPercent: Number.parseFloat(entry.CPUPerc),
    memoryMiB: Number(match[1]) * UNITS[match[2]],
  };
}

/** Samples `docker stats` for the given containers until stopped. */
export class ContainerStats {
  private readonly samples = new Map<string, ContainerSample[]>();
  private running?: Promise<void>;
  private stopped = false;

  constructor(private readonly containers: Map<string, string>) {}

  private cpuAtStart = new Map<string, number>();

  async start(): Promise<void> {
    this.cpuAtStart = await cpuSecondsUsed(this.containers.keys());
    this.running = this.loop();
  }

  async stop(): Promise<Record<string, ContainerFigures>> {
    this.stopped = true;
    const cpuAtEnd = await cpuSecondsUsed(this.containers.keys());
    await this.running;
    const figures = summarizeSamples(this.samples);
    for (const [name, service] of this.containers) {
      const start = this.cpuAtStart.get(name);
      const end = cpuAtEnd.get(name);
      if (figures[service] && start !== undefined && end !== undefined) {
        figures[service] = {
          ...figures[service],
          cpuSeconds: Math.round((end - start) * 100) / 100,
        };
      }
    }
    return figures;
  }

  private async loop(): Promise<void> {
    while (!this.stopped && this.containers.size > 0) {
      try {
        await this.sample();
      } catch {
        // A container restarting mid-sample: the next sample will tell.
      }
    }
  }

  /** `--no-stream` itself waits about two seconds to measure CPU. */
  private async sample(): Promise<void> {
    const { stdout } = await run('docker', [
      'stats',
      '--no-stream',
      '--format',
      '{{json .}}',
      ...this.containers.keys(),
    ]);
    for (const line of stdout.trim().split('\n').filter(Boolean)) {
      const sample = parseStatsLine(line);
      const service = this.containers.get(sample.name) ?? sample.name;
      const list = this.samples.get(service) ?? [];
      list.push(sample);
      this.samples.set(service, list);
    }
  }
}

export function summarizeSamples(
  samples: Map<string, ContainerSample[]>,
): Record<string, ContainerFigures> {
  const figures: Record<string, ContainerFigures> = {};
  for (const [service, list] of [...samples].sort()) {
    figures[service] = {
      peakCpuPercent: round(Math.max(...list.map((s) => s.cpuPercent))),
      peakMemoryMiB: round(Math.max(...list.map((s) => s.memoryMiB))),
      firstMemoryMiB: round(list[0].memoryMiB),
      lastMemoryMiB: round(list[list.length - 1].memoryMiB),
      memoryByTenthMiB: tenths(list).map((part) =>
        round(Math.max(...part.map((s) => s.memoryMiB))),
      ),
      samples: list.length,
    };
  }
  return figures;
}

/** Splits samples into ten consecutive parts, fewer when there are few. */
function tenths<T>(list: T[]): T[][] {
  const parts = Math.min(10, list.length);
  return Array.from({ length: parts }, (_, i) =>
    list.slice(
      Math.floor((i * list.length) / parts),
      Math.floor(((i + 1) * list.length) / parts),
    ),
  );
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

const DOCKER_SOCKET = '/var/run/docker.sock';

/**
 * CPU seconds each container has used since it started, from the Docker
 * API (its one-shot stats); empty where the socket is not reachable.
 */
export async function cpuSecondsUsed(
  names: Iterable<string>,
): Promise<Map<string, number>> {
  const used = new Map<string, number>();
  for (const name of names) {
    const stats = await dockerApi(
      `/containers/${name}/stats?stream=false&one-shot=true`,
    ).catch(() => undefined);
    const total = (
      stats as { cpu_stats?: { cpu_usage?: { total_usage?: number } } }
    )?.cpu_stats?.cpu_usage?.total_usage;
    if (typeof total === 'number') {
      used.set(name, total / 1e9);
    }
  }
  return used;
}

function dockerApi(path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { socketPath: DOCKER_SOCKET, path, timeout: 10_000 },
      (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => {
          try {
            resolve(JSON.parse(body));
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
    outgoing.on('error', reject);
    outgoing.end();
  });
}
