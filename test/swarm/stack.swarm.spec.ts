import { execFileSync } from 'node:child_process';

import {
  BookingDriver,
  card,
  CARDS,
  DriverReport,
  eventually,
  passengers,
} from '@airline/testing';

import { converged } from '../../deploy/swarm/src/convergence';
import { docker, sleep } from '../../deploy/swarm/src/docker';
import {
  containersOf,
  gateway,
  healthyContainersOf,
  queryNumber,
  queueDepths,
  ReplicaWork,
  serviceName,
  stateOf,
  workPerReplica,
} from './swarm';

interface Flight {
  id: string;
  seatsAvailable: number;
}

const LAST_NAME = { 'x-last-name': 'Lovelace' };

/**
 * Issue #6: the stack as `npm run swarm:deploy` leaves it, scaled, with a
 * replica killed and every service rolled, under a steady load of bookings.
 */
describe('the stack on a swarm', () => {
  let flightIds: string[];
  const timings: Record<string, number> = {};
  const work: Record<string, ReplicaWork[]> = {};

  beforeAll(async () => {
    // Past the soonest departures, so that no flight leaves during the run.
    const { body } = await gateway.get<Flight[]>(
      '/api/flights?offset=40&limit=100',
    );
    flightIds = body.filter((f) => f.seatsAvailable > 150).map((f) => f.id);
  });

  async function statusOf(locator: string): Promise<string | undefined> {
    const answer = await gateway.get<{ status?: string }>(
      `/api/reservations/${locator}`,
      LAST_NAME,
    );
    return answer.body.status;
  }

  it('books, pays and cancels through the gateway', async () => {
    const reserved = await gateway.post<{ id: string; locator: string }>(
      '/api/reservations',
      { flightId: flightIds[0], passengers: passengers(2) },
    );
    expect(reserved.status).toBe(201);
    const { locator } = reserved.body;

    const paid = await eventually(
      () =>
        gateway.post('/api/payments', {
          locator,
          lastName: 'Lovelace',
          card: card(CARDS.captured),
        }),
      (answer) => answer.status !== 404, // until the booking reaches payment
    );
    expect(paid.status).toBe(201);
    await eventually(
      () => statusOf(locator),
      (status) => status === 'CONFIRMED',
    );

    const cancelled = await gateway.post('/api/cancellations', {
      locator,
      lastName: 'Lovelace',
    });
    expect(cancelled.status).toBe(202);
    await eventually(
      () => statusOf(locator),
      (status) => status === 'CANCELLED',
    );
    // The refund follows the reservation's cancellation; waiting for it also
    // keeps it out of the next test's counts, which it would throw off by one.
    const ledger = await eventually(
      () =>
        gateway.get<{ refunds: unknown[] }>(
          `/api/payments?locator=${locator}`,
          LAST_NAME,
        ),
      (answer) => answer.body.refunds?.length > 0,
    );
    expect(ledger.body.refunds).toHaveLength(1);
  });

  it('finishes every booking once as it scales, loses a replica and rolls', async () => {
    const before = counts();
    const driver = new BookingDriver(gateway, gateway, flightIds, {
      api: gateway,
      cancelEvery: 5,
    });
    const stop = { requested: false };
    const load = driver.drive({
      total: 20_000,
      concurrency: 4,
      pauseMs: 100,
      stop,
    });

    let report: DriverReport;
    try {
      await operate(timings, work);
    } finally {
      stop.requested = true;
      report = await load;
    }

    console.log(describeLoad(report, timings));
    expect(report.failures).toEqual([]);
    for (const booking of report.bookings) {
      await eventually(
        () => statusOf(booking.locator),
        (status) => status === booking.expected,
        { timeoutMs: 60_000 },
      );
    }
    await expectNothingLostOrTwice(before, report);
  });

  it('spreads requests and messages over every replica of a scaled service', () => {
    console.log(describeWork(work));
    const idle = Object.entries(work).flatMap(([when, replicas]) =>
      replicas
        .filter((r) => r.apiRequests === 0 || r.messagesConsumed === 0)
        .map((r) => `${when} ${r.container}`),
    );

    expect(work['reservation at 5']).toHaveLength(5);
    expect(work['payment']).toHaveLength(2);
    expect(work['cancellation']).toHaveLength(2);
    expect(idle).toEqual([]);
  });

  it('rolls a broken image back by itself and keeps its replicas', async () => {
    const service = serviceName('payment');
    const good = stateOf('payment').image;
    const broken = `${good.split('@')[0]}-broken`;
    // Starts, then stops at once on a configuration error.
    docker(['build', '-t', broken, '-'], {
      input: `FROM ${good.split('@')[0]}\nENV DB_PORT=not-a-port\n`,
    });
    docker(['push', '--quiet', broken]);

    const started = Date.now();
    docker(['service', 'update', '--detach', '--image', broken, service]);
    let fewest = Infinity;
    const final = await eventually(
      async () => {
        fewest = Math.min(fewest, healthyContainersOf('payment').length);
        return stateOf('payment');
      },
      (state) =>
        state.updateState === 'rollback_completed' && converged([state]),
      { timeoutMs: 5 * 60_000, intervalMs: 1_000 },
    );
    console.log(
      `broken image: rolled back in ${Date.now() - started} ms; ` +
        `fewest healthy payment replicas meanwhile: ${fewest}`,
    );

    expect(final.image).toBe(good);
    expect(fewest).toBeGreaterThanOrEqual(2);
    expect(containersOf('payment')).toHaveLength(2);
    const answer = await gateway.post('/api/payments', {
      locator: 'ZZZZZZ',
      lastName: 'Lovelace',
      card: card(CARDS.captured),
    });
    expect(answer.status).toBe(404); // answered by a healthy replica
  });
});

/**
 * Scale reservation 3 → 5 → 3, SIGKILL one of its replicas, then a forced
 * rolling update of each service; each step waits until the swarm settles.
 */
async function operate(
  timings: Record<string, number>,
  work: Record<string, ReplicaWork[]>,
): Promise<void> {
  await sleep(5_000);
  timings['scale reservation 3 → 5'] = timed(() =>
    swarmWaits(
      'service',
      'scale',
      '--detach=false',
      `${serviceName('reservation')}=5`,
    ),
  );
  await settled('reservation');
  await sleep(15_000); // the new replicas take their share
  work['reservation at 5'] = workPerReplica('reservation');
  timings['scale reservation 5 → 3'] = timed(() =>
    swarmWaits(
      'service',
      'scale',
      '--detach=false',
      `${serviceName('reservation')}=3`,
    ),
  );
  await settled('reservation');

  const [victim] = containersOf('reservation');
  const killed = Date.now();
  docker(['kill', '--signal', 'KILL', victim]);
  await eventually(
    async () => containersOf('reservation'),
    (running) => running.length === 3 && !running.includes(victim),
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  await settled('reservation');
  timings['replace a SIGKILLed reservation replica'] = Date.now() - killed;

  for (const service of ['reservation', 'payment', 'cancellation', 'gateway']) {
    timings[`rolling update of ${service}`] = timed(() =>
      swarmWaits(
        'service',
        'update',
        '--force',
        '--detach=false',
        serviceName(service),
      ),
    );
    await settled(service);
  }
  await sleep(15_000); // every new replica takes a share before the counts
  work['payment'] = workPerReplica('payment');
  work['cancellation'] = workPerReplica('cancellation');
}

async function settled(service: string): Promise<void> {
  await eventually(
    async () => stateOf(service),
    (state) => converged([state]),
    { timeoutMs: 180_000, intervalMs: 1_000 },
  );
}

/** A `docker` command that waits for the swarm; its progress bars hidden. */
function swarmWaits(...args: string[]): void {
  execFileSync('docker', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 10 * 60_000,
  });
}

function timed(work: () => void): number {
  const started = Date.now();
  work();
  return Date.now() - started;
}

interface Counts {
  reservations: number;
  captures: number;
  refunds: number;
}

function counts(): Counts {
  return {
    reservations: queryNumber(
      'reservation',
      'SELECT count(*) FROM reservations',
    ),
    captures: queryNumber(
      'payment',
      `SELECT count(*) FROM payments WHERE status = 'CAPTURED'`,
    ),
    refunds: queryNumber('payment', 'SELECT count(*) FROM refunds'),
  };
}

async function expectNothingLostOrTwice(
  before: Counts,
  report: DriverReport,
): Promise<void> {
  const paid = report.bookings.filter((b) => b.expected !== 'PAYMENT_FAILED');
  const cancelled = report.bookings.filter((b) => b.expected === 'CANCELLED');
  const after = await eventually(
    async () => counts(),
    (now) => now.refunds - before.refunds === cancelled.length,
    { timeoutMs: 60_000 },
  );

  expect(after.reservations - before.reservations).toBe(report.bookings.length);
  expect(after.captures - before.captures).toBe(paid.length);
  expect(
    queryNumber(
      'payment',
      `SELECT count(*) FROM (SELECT reservation_id FROM payments
       WHERE status = 'CAPTURED' GROUP BY 1 HAVING count(*) > 1) d`,
    ),
  ).toBe(0);
  expect(
    queryNumber(
      'reservation',
      `SELECT count(*) FROM (SELECT reservation_id, to_status
       FROM reservation_history GROUP BY 1, 2 HAVING count(*) > 1) d`,
    ),
  ).toBe(0);
  for (const database of ['reservation', 'payment', 'cancellation']) {
    await eventually(
      async () =>
        queryNumber(
          database,
          'SELECT count(*) FROM outbox WHERE sent_at IS NULL',
        ),
      (unsent) => unsent === 0,
    );
  }
  await eventually(
    async () => [
      queryNumber('payment', 'SELECT count(*) FROM bookings'),
      queryNumber('cancellation', 'SELECT count(*) FROM bookings'),
    ],
    (copies) => copies.every((n) => n === after.reservations),
  );
  const parked = Object.entries(queueDepths()).filter(
    ([queue, messages]) => queue.endsWith('.dead-letter') && messages > 0,
  );
  expect(parked).toEqual([]);
}

function describeLoad(report: DriverReport, timings: Record<string, number>) {
  const byState = report.bookings.reduce<Record<string, number>>(
    (all, b) => ({ ...all, [b.expected]: (all[b.expected] ?? 0) + 1 }),
    {},
  );
  return [
    `bookings: ${report.bookings.length} ${JSON.stringify(byState)}`,
    `failed: ${report.failures.length}`,
    `client retries with the same Idempotency-Key: ${report.retries} ` +
      JSON.stringify(report.retriesBy),
    ...Object.entries(timings).map(([step, ms]) => `${step}: ${ms} ms`),
  ].join('\n');
}

function describeWork(work: Record<string, ReplicaWork[]>): string {
  return Object.entries(work)
    .flatMap(([when, replicas]) =>
      replicas.map(
        (r) =>
          `${when} ${r.container}: ${r.apiRequests} API requests, ` +
          `${r.messagesConsumed} messages`,
      ),
    )
    .join('\n');
}
