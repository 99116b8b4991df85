import type { ContainerFigures } from './container-stats';
import type { Baseline } from './floor';
import type { InventoryCheck } from './inventory';
import type { BenchOptions } from './options';
import type { Percentiles, SecondOfRun } from './recorder';

export interface Machine {
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly docker: string;
  readonly postgres: string;
  /** 1, 5, 15-minute load averages before and after the run. */
  readonly loadAverageBefore: number[];
  readonly loadAverageAfter: number[];
  /** Containers of other projects running next to the benchmark. */
  readonly otherContainers: number;
}

/** The load before the measured run (`--warmup`), reported but not counted. */
export interface Warmup {
  readonly seconds: number;
  readonly sagaLatencyMs: Percentiles;
  readonly errors: Record<string, number>;
}

export interface BenchReport {
  readonly startedAt: string;
  readonly options: BenchOptions;
  readonly durationSeconds: number;
  readonly warmup: Warmup | null;
  readonly confirmedPerSecond: number;
  readonly sagaLatencyMs: Percentiles;
  readonly httpLatencyMs: Record<
    string,
    { count: number } & Pick<Percentiles, 'p50' | 'p99'>
  >;
  readonly states: Record<string, number>;
  readonly errors: Record<string, number>;
  readonly oversold: number | null;
  readonly inventory: InventoryCheck | null;
  readonly baseline: Baseline | null;
  readonly ratio: number | null;
  readonly containers: Record<string, ContainerFigures>;
  /** SQL statements per confirmed booking, per database (round trips). */
  readonly statementsPerBooking: Record<string, number>;
  readonly driver: { cpuPercent: number; eventLoopDelayP99Ms: number };
  readonly machine: Machine;
  /** Reservations in the database when the load began (see --seed-reservations). */
  readonly reservationsBefore: number;
  readonly timeline: SecondOfRun[];
}

/** Confirmed bookings per second ÷ the floor's bookings per second. */
export function ratioOf(
  confirmedPerSecond: number,
  baseline: Baseline | null,
): number | null {
  if (!baseline || baseline.bookingsPerSecond <= 0) {
    return null;
  }
  return round(confirmedPerSecond / baseline.bookingsPerSecond, 3);
}

/** Confirmations counted in the measured window, per second of it. */
export function rateOf(timeline: SecondOfRun[], seconds: number): number {
  const confirmed = timeline.reduce((sum, s) => sum + s.confirmed, 0);
  return round(confirmed / seconds, 1);
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** The run as a page: headline figures, and the change from the last run. */
export function toMarkdown(
  report: BenchReport,
  previous?: BenchReport,
): string {
  return [
    `# Benchmark ${report.startedAt}`,
    '',
    describeRun(report),
    '',
    '| figure | this run | previous run |',
    '| --- | --- | --- |',
    ...HEADLINE.map(
      ([name, pick]) =>
        `| ${name} | ${pick(report)} | ${previous ? pick(previous) : '–'} |`,
    ),
    '',
    '## HTTP latency (ms)',
    '',
    '| endpoint | requests | p50 | p99 |',
    '| --- | --- | --- | --- |',
    ...Object.entries(report.httpLatencyMs).map(
      ([endpoint, h]) => `| ${endpoint} | ${h.count} | ${h.p50} | ${h.p99} |`,
    ),
    '',
    '## Containers (docker stats)',
    '',
    '| service | peak memory (MiB) | first → last (MiB) | peak CPU (%) ' +
      '| CPU ms per confirmed booking |',
    '| --- | --- | --- | --- | --- |',
    ...Object.entries(report.containers).map(
      ([name, c]) =>
        `| ${name} | ${c.peakMemoryMiB} | ${c.firstMemoryMiB} → ` +
        `${c.lastMemoryMiB} | ${c.peakCpuPercent} | ` +
        `${cpuPerBooking(report, c.cpuSeconds)} |`,
    ),
    '',
    'Highest memory (MiB) in each tenth of the run:',
    '',
    ...Object.entries(report.containers).map(
      ([name, c]) => `- ${name}: ${c.memoryByTenthMiB.join(', ')}`,
    ),
    '',
  ].join('\n');
}

type Figure = (report: BenchReport) => string | number;

const HEADLINE: [string, Figure][] = [
  ['confirmed bookings/s', (r) => r.confirmedPerSecond],
  ['floor bookings/s (pgbench)', (r) => r.baseline?.bookingsPerSecond ?? '–'],
  ['ratio', (r) => r.ratio ?? '–'],
  ['saga p50 / p95 / p99 / max (ms)', (r) => percentileRow(r.sagaLatencyMs)],
  ['warm-up, not counted: saga p50 / p95 / p99 / max (ms)', warmupRow],
  ['oversold seats', (r) => r.oversold ?? '–'],
  ['final states', (r) => formatCounts(r.states)],
  ['errors', (r) => formatCounts(r.errors) || 'none'],
  ['SQL statements per confirmed booking', (r) => statementsRow(r)],
  ['system CPU ms per confirmed booking', (r) => systemCpuPerBooking(r)],
  ['driver CPU (% of a core)', (r) => r.driver.cpuPercent],
  [
    'reservations in the database at the start',
    (r) => r.reservationsBefore ?? '–',
  ],
  ['load average before → after', (r) => loadRow(r.machine)],
];

/** Comparable across busy and quiet machines, unlike bookings/s. */
export function cpuPerBooking(
  report: BenchReport,
  cpuSeconds: number | undefined,
): number | string {
  // Every confirmation, also those after the window: the CPU covers them.
  const confirmed = report.sagaLatencyMs.count;
  if (cpuSeconds === undefined || confirmed === 0) {
    return '–';
  }
  return round((cpuSeconds * 1000) / confirmed, 1);
}

function describeRun(report: BenchReport): string {
  const { options, machine } = report;
  const load = options.rate
    ? `open loop, ${options.rate} journeys/s`
    : `closed loop, ${options.customers} customers`;
  return (
    `${load}, ${report.durationSeconds} s; ${machine.cores} cores, ` +
    `${machine.memoryGiB} GiB; ${machine.otherContainers} containers of ` +
    `other projects running; Node ${machine.node}, PostgreSQL ` +
    `${machine.postgres}, Docker ${machine.docker}.`
  );
}

function systemCpuPerBooking(report: BenchReport): number | string {
  const seconds = Object.values(report.containers).map((c) => c.cpuSeconds);
  if (seconds.some((s) => s === undefined)) {
    return '–';
  }
  const total = seconds.reduce((sum: number, s) => sum + (s ?? 0), 0);
  return cpuPerBooking(report, total);
}

function statementsRow(report: BenchReport): string {
  const counts = report.statementsPerBooking ?? {};
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return Object.keys(counts).length
    ? `${round(total)} (${formatCounts(counts)})`
    : '–';
}

function warmupRow({ warmup }: BenchReport): string {
  return warmup
    ? `${percentileRow(warmup.sagaLatencyMs)} over ${warmup.seconds} s`
    : 'none';
}

function percentileRow(p: Percentiles): string {
  return `${p.p50} / ${p.p95} / ${p.p99} / ${p.max}`;
}

function loadRow(machine: Machine): string {
  return `${machine.loadAverageBefore[0]} → ${machine.loadAverageAfter[0]}`;
}

export function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
}
