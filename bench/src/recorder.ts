import { build, Histogram } from 'hdr-histogram-js';

export type FinalState =
  | 'CONFIRMED'
  | 'CANCELLED'
  | 'PAYMENT_FAILED'
  | 'SOLD_OUT'
  | 'ERROR';

export interface Percentiles {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface SecondOfRun {
  readonly second: number;
  readonly confirmed: number;
  readonly sagaP99Ms: number | null;
}

/** Up to a minute, to the millisecond; longer is a failure, not a figure. */
const HIGHEST_MS = 120_000;
const MAX_SAMPLES = 2_000_000;

function histogram(): Histogram {
  return build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_MS,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
}

/** Everything the run measures, kept in histograms and counters. */
export class Recorder {
  readonly saga = histogram();
  readonly http = new Map<string, Histogram>();
  readonly states = new Map<FinalState, number>();
  readonly errors = new Map<string, number>();
  /** Every saga's latency, for the histogram chart. */
  readonly sagaSamples: number[] = [];
  private readonly perSecond: { confirmed: number; saga?: Histogram }[] = [];
  private startedAt = performance.now();
  private measuring = false;

  start(): void {
    this.startedAt = performance.now();
    this.measuring = true;
  }

  /** Later confirmations still finish and count, but not toward the rate. */
  stopMeasuring(): void {
    this.measuring = false;
  }

  elapsedSeconds(): number {
    return (performance.now() - this.startedAt) / 1000;
  }

  request(endpoint: string, milliseconds: number): void {
    let endpointHistogram = this.http.get(endpoint);
    if (!endpointHistogram) {
      endpointHistogram = histogram();
      this.http.set(endpoint, endpointHistogram);
    }
    endpointHistogram.recordValue(clamp(milliseconds));
  }

  confirmed(sagaMs: number): void {
    this.saga.recordValue(clamp(sagaMs));
    if (this.sagaSamples.length < MAX_SAMPLES) {
      this.sagaSamples.push(sagaMs);
    }
    if (!this.measuring) {
      return;
    }
    const second = this.second();
    second.confirmed++;
    second.saga ??= histogram();
    second.saga.recordValue(clamp(sagaMs));
  }

  finished(state: FinalState): void {
    this.states.set(state, (this.states.get(state) ?? 0) + 1);
  }

  error(kind: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }

  confirmedSoFar(): number {
    return this.perSecond.reduce((sum, s) => sum + (s?.confirmed ?? 0), 0);
  }

  errorCount(): number {
    return [...this.errors.values()].reduce((sum, n) => sum + n, 0);
  }

  timeline(): SecondOfRun[] {
    return Array.from(this.perSecond, (entry, second) => ({
      second,
      confirmed: entry?.confirmed ?? 0,
      sagaP99Ms: entry?.saga ? entry.saga.getValueAtPercentile(99) : null,
    }));
  }

  private second() {
    const index = Math.floor(this.elapsedSeconds());
    for (let i = this.perSecond.length; i <= index; i++) {
      this.perSecond[i] = { confirmed: 0 };
    }
    return this.perSecond[index];
  }
}

export function percentiles(of: Histogram): Percentiles {
  return {
    count: of.totalCount,
    p50: of.getValueAtPercentile(50),
    p95: of.getValueAtPercentile(95),
    p99: of.getValueAtPercentile(99),
    max: of.maxValue,
  };
}

function clamp(milliseconds: number): number {
  return Math.min(Math.max(Math.round(milliseconds), 1), HIGHEST_MS);
}
