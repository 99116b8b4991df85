import { execFile } from 'node:child_process';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promisify } from 'node:util';

import { ContainerStats } from './container-stats';
import { Customer, JourneyMix, Route } from './customer';
import { measureFloor } from './floor';
import { HttpClient } from './http-client';
import { readInventory, seedReservations } from './inventory';
import { cpuPercent, drive } from './load';
import { BenchOptions, parseOptions } from './options';
import { percentiles, Recorder } from './recorder';
import { BenchReport, Machine, rateOf, ratioOf, round, Warmup } from './report';
import { saveRun } from './results';
import { BENCH_GATEWAY, Stack } from './stack';
import { StatementCounter } from './statements';

const run = promisify(execFile);
const READY_TIMEOUT_MS = 180_000;

async function main(options: BenchOptions): Promise<void> {
  const owned = !options.url;
  const stack = new Stack(options.project, owned);
  const url = options.url ?? BENCH_GATEWAY;
  try {
    if (owned) {
      say(`Starting Compose project ${options.project} from empty volumes`);
      await stack.up(options.build);
    }
    await waitUntilReady(url);
    if (options.seedReservations > 0) {
      say(`Seeding ${options.seedReservations} past reservations`);
      await seedReservations(stack, options.seedReservations);
    }
    await benchmark(options, stack, url, owned);
  } finally {
    if (owned && !options.keepUp) {
      say(`Stopping Compose project ${options.project}`);
      await stack.down();
    }
  }
}

async function benchmark(
  options: BenchOptions,
  stack: Stack,
  url: string,
  owned: boolean,
): Promise<void> {
  const startedAt = new Date().toISOString();
  // Taken before the warm-up: it is the machine's load, not ours.
  const loadAverageBefore = loadAverage();
  const mix = {
    declineShare: options.declineShare,
    cancelShare: options.cancelShare,
    days: owned ? 360 : 28,
  };
  const warmup = await warmUp(url, mix, options);
  const [[reservationsBefore]] = await stack.sql(
    'reservation',
    'SELECT count(*) FROM reservations',
  );
  const { recorder, http, customer } = await customerOf(url, mix);
  const containers = await stack.containers();
  const stats = new ContainerStats(containers);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const statements = new StatementCounter(stack);
  const counting = await statements.reset();

  say(`Driving ${url} for ${options.durationSeconds} s`);
  await stats.start();
  loop.enable();
  const cpuBefore = process.cpuUsage();
  await drive(customer, recorder, options);
  const driverCpu = cpuPercent(
    process.cpuUsage(cpuBefore),
    recorder.elapsedSeconds(),
  );
  loop.disable();
  http.close();
  const containerFigures = await stats.stop();
  const loadAverageAfter = loadAverage();
  const statementCounts = counting ? await statements.count() : {};

  say('Checking the seat inventory');
  const inventory = await readInventory(stack);
  const baseline = options.baseline ? await runFloor(stack, options) : null;
  const timeline = recorder.timeline();
  const confirmedPerSecond = rateOf(timeline, options.durationSeconds);
  const report: BenchReport = {
    startedAt,
    options,
    durationSeconds: options.durationSeconds,
    warmup,
    confirmedPerSecond,
    sagaLatencyMs: percentiles(recorder.saga),
    httpLatencyMs: Object.fromEntries(
      [...recorder.http].map(([endpoint, h]) => {
        const p = percentiles(h);
        return [endpoint, { count: p.count, p50: p.p50, p99: p.p99 }];
      }),
    ),
    states: Object.fromEntries(recorder.states),
    errors: Object.fromEntries(recorder.errors),
    oversold: inventory.oversold,
    inventory,
    baseline,
    ratio: ratioOf(confirmedPerSecond, baseline),
    containers: containerFigures,
    statementsPerBooking: perBooking(statementCounts, recorder.saga.totalCount),
    driver: {
      cpuPercent: round(driverCpu),
      eventLoopDelayP99Ms: round(loop.percentile(99) / 1e6),
    },
    machine: await machine(
      stack,
      containers.size,
      loadAverageBefore,
      loadAverageAfter,
    ),
    reservationsBefore: Number(reservationsBefore),
    timeline,
  };
  const saved = saveRun(report, recorder.sagaSamples, options.keepRuns);
  summarize(report, saved);
}

/**
 * The same load for `--warmup` seconds, on a recorder of its own: the first
 * seconds after a start run cold code and open pools and connections, and
 * would otherwise set the run's tail latency. Its figures are reported apart.
 */
async function warmUp(
  url: string,
  mix: JourneyMix,
  options: BenchOptions,
): Promise<Warmup | null> {
  if (options.warmupSeconds === 0) {
    return null;
  }
  say(`Warming up for ${options.warmupSeconds} s (not counted)`);
  const { recorder, http, customer } = await customerOf(url, mix);
  try {
    await drive(customer, recorder, {
      ...options,
      durationSeconds: options.warmupSeconds,
    });
  } finally {
    http.close();
  }
  return {
    seconds: options.warmupSeconds,
    sagaLatencyMs: percentiles(recorder.saga),
    errors: Object.fromEntries(recorder.errors),
  };
}

/** A simulated customer on a connection and a recorder of its own. */
async function customerOf(url: string, mix: JourneyMix) {
  const recorder = new Recorder();
  const http = new HttpClient(url, (endpoint, ms) =>
    recorder.request(endpoint, ms),
  );
  try {
    const customer = new Customer(http, recorder, await routesOf(http), mix);
    return { recorder, http, customer };
  } catch (error) {
    http.close();
    throw error;
  }
}

async function runFloor(stack: Stack, options: BenchOptions) {
  say(
    `Running the floor with pgbench for ${options.durationSeconds} s ` +
      `(${options.baselineClients} clients)`,
  );
  return measureFloor(stack, options.baselineClients, options.durationSeconds);
}

async function routesOf(http: HttpClient): Promise<Route[]> {
  const answer = await http.get<Route[]>(
    'GET /api/flights',
    '/api/flights?limit=200',
  );
  if (answer.status !== 200 || answer.body.length === 0) {
    throw new Error(`no flights to book (HTTP ${answer.status})`);
  }
  const routes = new Map(
    answer.body.map((f) => [`${f.origin}-${f.destination}`, f]),
  );
  return [...routes.values()].map(({ origin, destination }) => ({
    origin,
    destination,
  }));
}

/** Asks through node:http, whose sockets keep Node running while it waits. */
async function waitUntilReady(url: string): Promise<void> {
  const http = new HttpClient(url, () => undefined);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      const status = await http.get('ready', '/api/flights?limit=1').then(
        (answer) => answer.status,
        () => 0,
      );
      if (status === 200) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`${url} did not answer within ${READY_TIMEOUT_MS} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  } finally {
    http.close();
  }
}

async function machine(
  stack: Stack,
  ownContainers: number,
  loadAverageBefore: number[],
  loadAverageAfter: number[],
): Promise<Machine> {
  const [docker, all, [[postgres]]] = await Promise.all([
    run('docker', ['version', '--format', '{{.Server.Version}}']),
    run('docker', ['ps', '-q']),
    stack.sql('postgres', 'SHOW server_version'),
  ]);
  return {
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.versions.node,
    docker: docker.stdout.trim(),
    postgres,
    loadAverageBefore,
    loadAverageAfter,
    otherContainers:
      all.stdout.trim().split('\n').filter(Boolean).length - ownContainers,
  };
}

function perBooking(
  counts: Record<string, number>,
  confirmed: number,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts).map(([db, n]) => [
      db,
      confirmed ? round(n / confirmed) : 0,
    ]),
  );
}

function loadAverage(): number[] {
  return loadavg().map((value) => round(value, 2));
}

function summarize(report: BenchReport, saved: string): void {
  const saga = report.sagaLatencyMs;
  process.stdout.write(
    [
      '',
      `confirmed/s ${report.confirmedPerSecond}   floor/s ` +
        `${report.baseline?.bookingsPerSecond ?? '–'}   ratio ${report.ratio ?? '–'}`,
      `saga ms p50 ${saga.p50}  p95 ${saga.p95}  p99 ${saga.p99}  max ${saga.max}`,
      `oversold ${report.oversold}   errors ${JSON.stringify(report.errors)}`,
      `written: ${saved}.{json,md,throughput.svg,latency.svg}`,
      '',
    ].join('\n'),
  );
}

function say(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
main(options).catch((error: Error) => {
  process.stderr.write(`bench: failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
