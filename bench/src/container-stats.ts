import { execFile } from 'node:child_process';
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
  readonly samples: number;
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

  start(): void {
    this.running = this.loop();
  }

  async stop(): Promise<Record<string, ContainerFigures>> {
    this.stopped = true;
    await this.running;
    return summarizeSamples(this.samples);
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
      samples: list.length,
    };
  }
  return figures;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
