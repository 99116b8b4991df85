import { Customer } from './customer';
import { Recorder } from './recorder';

export interface LoadShape {
  readonly durationSeconds: number;
  /** Open loop when set: journeys started per second. */
  readonly rate?: number;
  /** Closed loop otherwise: customers booking back to back. */
  readonly customers: number;
}

/** An open loop stops starting journeys past this many unfinished ones. */
const MAX_IN_FLIGHT = 5_000;
const TICK_MS = 10;
const ERROR_PAUSE_MS = 250;
const PROGRESS_EVERY_MS = 5_000;
/** How long journeys still running at the end may take to finish. */
const DRAIN_MS = 60_000;

/**
 * Runs customers for the run's duration, then lets unfinished journeys end.
 * Prints a progress line every few seconds on stderr.
 */
export async function drive(
  customer: Customer,
  recorder: Recorder,
  shape: LoadShape,
): Promise<void> {
  const running = new Set<Promise<unknown>>();
  const progress = new Progress(recorder, running);
  const endAt = performance.now() + shape.durationSeconds * 1000;
  recorder.start();
  const ticker = setInterval(() => progress.print(), PROGRESS_EVERY_MS);
  try {
    await (shape.rate
      ? openLoop(customer, recorder, running, shape.rate, endAt)
      : closedLoop(customer, running, shape.customers, endAt));
    recorder.stopMeasuring();
    await drain(running);
  } finally {
    clearInterval(ticker);
  }
  progress.print();
}

async function closedLoop(
  customer: Customer,
  running: Set<Promise<unknown>>,
  customers: number,
  endAt: number,
): Promise<void> {
  const loop = async () => {
    while (performance.now() < endAt) {
      const state = await track(running, customer.journey());
      if (state === 'ERROR') {
        // A stack that fails at once must not turn into a busy loop.
        await new Promise((resolve) => setTimeout(resolve, ERROR_PAUSE_MS));
      }
    }
  };
  await Promise.all(Array.from({ length: customers }, loop));
}

async function openLoop(
  customer: Customer,
  recorder: Recorder,
  running: Set<Promise<unknown>>,
  rate: number,
  endAt: number,
): Promise<void> {
  const startedAt = performance.now();
  let started = 0;
  while (performance.now() < endAt) {
    const due = Math.floor(((performance.now() - startedAt) / 1000) * rate);
    for (; started < due; started++) {
      if (running.size >= MAX_IN_FLIGHT) {
        recorder.error('driver:too-many-in-flight');
        continue;
      }
      void track(running, customer.journey());
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
}

function track<T>(
  running: Set<Promise<unknown>>,
  journey: Promise<T>,
): Promise<T> {
  running.add(journey);
  return journey.finally(() => running.delete(journey));
}

async function drain(running: Set<Promise<unknown>>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise((resolve) => {
    timer = setTimeout(resolve, DRAIN_MS);
  });
  await Promise.race([Promise.allSettled([...running]), deadline]);
  clearTimeout(timer);
}

/** One line of progress: elapsed, bookings so far, current rate, errors. */
class Progress {
  private lastConfirmed = 0;
  private lastAt = performance.now();
  private lastCpu = process.cpuUsage();

  constructor(
    private readonly recorder: Recorder,
    private readonly running: Set<Promise<unknown>>,
  ) {}

  print(): void {
    const now = performance.now();
    const confirmed = this.recorder.confirmedSoFar();
    const seconds = (now - this.lastAt) / 1000;
    const cpu = process.cpuUsage(this.lastCpu);
    const line = [
      `${this.recorder.elapsedSeconds().toFixed(0).padStart(4)} s`,
      `confirmed ${confirmed}`,
      `now ${((confirmed - this.lastConfirmed) / seconds).toFixed(0)}/s`,
      `in flight ${this.running.size}`,
      `errors ${this.recorder.errorCount()}`,
      `driver CPU ${cpuPercent(cpu, seconds).toFixed(0)}%`,
    ].join('  ');
    process.stderr.write(`${line}\n`);
    this.lastConfirmed = confirmed;
    this.lastAt = now;
    this.lastCpu = process.cpuUsage();
  }
}

/** CPU time as a share of one core over the given wall-clock seconds. */
export function cpuPercent(usage: NodeJS.CpuUsage, seconds: number): number {
  return ((usage.user + usage.system) / 1e6 / seconds) * 100;
}
