/** What one benchmark run does, as given on the command line. */
export interface BenchOptions {
  /** The gateway to drive; when unset the bench starts its own stack. */
  readonly url?: string;
  /** The Compose project whose PostgreSQL and containers are measured. */
  readonly project: string;
  readonly durationSeconds: number;
  /** Load before the measured run, not counted: JIT, pools and caches warm. */
  readonly warmupSeconds: number;
  /** Open loop: journeys started per second, whatever the answers take. */
  readonly rate?: number;
  /** Closed loop: customers each booking again as soon as they finish. */
  readonly customers: number;
  readonly declineShare: number;
  readonly cancelShare: number;
  readonly seedReservations: number;
  readonly baseline: boolean;
  readonly baselineClients: number;
  readonly keepUp: boolean;
  /** Start the stack from the images as they are, e.g. to compare tags. */
  readonly build: boolean;
  readonly keepRuns: number;
}

export const DEFAULTS: BenchOptions = {
  project: 'airline-bench',
  durationSeconds: 60,
  warmupSeconds: 15,
  customers: 32,
  declineShare: 0.1,
  cancelShare: 0.1,
  seedReservations: 0,
  baseline: true,
  baselineClients: 16,
  keepUp: false,
  build: true,
  keepRuns: 20,
};

export const USAGE = `npm run bench -- [options]

  --duration <s>            seconds of load, and of the baseline (60)
  --warmup <s>              seconds of the same load first, not counted (15)
  --rate <n>                open loop: start n journeys per second
  --customers <n>           closed loop: n customers booking back to back (32)
  --url <gateway>           drive a running stack instead of starting one
  --project <name>          its Compose project (airline-bench, or airline with --url)
  --decline-share <0..1>    share of payments with a declined card (0.1)
  --cancel-share <0..1>     share of confirmed bookings then cancelled (0.1)
  --seed-reservations <n>   first write n past reservations into the database
  --baseline-clients <n>    pgbench clients for the floor (16)
  --no-baseline             skip the pgbench floor
  --keep-up                 leave the started stack running
  --no-build                start the images as they are (IMAGE_TAG picks them)
  --keep-runs <n>           results kept in bench/results (20)`;

type Setter = (options: Mutable<BenchOptions>, value: string) => void;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const WITH_VALUE: Record<string, Setter> = {
  '--duration': (o, v) => (o.durationSeconds = positive('--duration', v)),
  '--warmup': (o, v) => (o.warmupSeconds = count('--warmup', v)),
  '--rate': (o, v) => (o.rate = positive('--rate', v)),
  '--customers': (o, v) => (o.customers = positive('--customers', v)),
  '--url': (o, v) => (o.url = gatewayUrl(v)),
  '--project': (o, v) => (o.project = v),
  '--decline-share': (o, v) => (o.declineShare = share('--decline-share', v)),
  '--cancel-share': (o, v) => (o.cancelShare = share('--cancel-share', v)),
  '--seed-reservations': (o, v) =>
    (o.seedReservations = count('--seed-reservations', v)),
  '--baseline-clients': (o, v) =>
    (o.baselineClients = positive('--baseline-clients', v)),
  '--keep-runs': (o, v) => (o.keepRuns = positive('--keep-runs', v)),
};

const FLAGS: Record<string, (options: Mutable<BenchOptions>) => void> = {
  '--no-baseline': (o) => (o.baseline = false),
  '--keep-up': (o) => (o.keepUp = true),
  '--no-build': (o) => (o.build = false),
};

/** Reads `--name value` and `--name=value` pairs; throws on anything else. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: Mutable<BenchOptions> = { ...DEFAULTS };
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    given.add(name);
    if (FLAGS[name] && inline === undefined) {
      FLAGS[name](options);
      continue;
    }
    const set = WITH_VALUE[name];
    if (!set) {
      throw new Error(`unknown option ${argv[i]}\n\n${USAGE}`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined) {
      throw new Error(`${name} needs a value`);
    }
    set(options, value);
  }
  return finish(options, given);
}

function finish(
  options: Mutable<BenchOptions>,
  given: Set<string>,
): BenchOptions {
  if (given.has('--rate') && given.has('--customers')) {
    throw new Error('give --rate (open loop) or --customers, not both');
  }
  if (options.url && !given.has('--project')) {
    options.project = 'airline';
  }
  return options;
}

function positive(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    throw new Error(`${name} must be a positive number, not "${value}"`);
  }
  return number;
}

function count(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new Error(`${name} must be a whole number, not "${value}"`);
  }
  return number;
}

function share(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 1) {
    throw new Error(`${name} must be between 0 and 1, not "${value}"`);
  }
  return number;
}

function gatewayUrl(value: string): string {
  const url = new URL(value);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
    // Load is for a machine's own stack; never someone else's server.
    throw new Error(`--url must be on 127.0.0.1 or localhost, not ${value}`);
  }
  return url.origin;
}
