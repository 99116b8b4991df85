import {
  Api,
  BookingDriver,
  eventually,
  restartRabbitMq,
  TestBus,
} from '@airline/testing';
import { register } from 'prom-client';

import { count, startSystem, System } from './system';

const BOOKINGS = 300;
const RESTARTS = 3;

/**
 * Issue #3, proof 1: the broker restarts three times while bookings flow,
 * and afterwards every booking is final, every capture confirmed exactly
 * one reservation, and no event was lost.
 */
describe('bookings across three RabbitMQ restarts', () => {
  let system: System;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system.stop();
  });

  async function flightIds(): Promise<string[]> {
    const api = new Api(system.reservation.url);
    const tomorrow = new Date(Date.now() + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const { body } = await api.get<{ id: string; departureAt: string }[]>(
      `/api/flights?limit=100`,
    );
    return body.filter((f) => f.departureAt > tomorrow).map((f) => f.id);
  }

  async function allReady(): Promise<boolean> {
    const services = [system.reservation, system.payment, system.cancellation];
    const answers = await Promise.all(
      services.map((s) =>
        fetch(`${s.url}/health/ready`).catch(() => undefined),
      ),
    );
    return answers.every((a) => a?.ok);
  }

  it('finishes every booking, confirms each capture once and loses nothing', async () => {
    const driver = new BookingDriver(
      new Api(system.reservation.url),
      new Api(system.payment.url),
      await flightIds(),
    );
    const recoveries: number[] = [];
    let done = 0;
    const restarts = (async () => {
      for (let i = 1; i <= RESTARTS; i++) {
        await eventually(
          async () => done,
          (n) => n >= (BOOKINGS * i) / (RESTARTS + 1),
          {
            timeoutMs: 120_000,
            intervalMs: 50,
          },
        );
        await restartRabbitMq();
        const restarted = Date.now();
        await eventually(allReady, (ready) => ready, { timeoutMs: 60_000 });
        recoveries.push(Date.now() - restarted);
      }
    })();

    const report = await driver.run(BOOKINGS, 8, (n) => (done = n));
    await restarts;

    expect(report.failures).toEqual([]);
    expect(report.bookings).toHaveLength(BOOKINGS);
    for (const booking of report.bookings) {
      await eventually(
        async () =>
          (
            await system.reservation.dataSource.query(
              'SELECT status FROM reservations WHERE id = $1',
              [booking.reservationId],
            )
          )[0].status,
        (status) => status === booking.expected,
        { timeoutMs: 60_000 },
      );
    }

    const confirmed = await count(
      system.reservation,
      `SELECT count(*)::int AS n FROM reservations WHERE status = 'CONFIRMED'`,
    );
    const captured = await count(
      system.payment,
      `SELECT count(*)::int AS n FROM payments WHERE status = 'CAPTURED'`,
    );
    const doubleCaptures = await count(
      system.payment,
      `SELECT count(*)::int AS n FROM (SELECT reservation_id FROM payments
       WHERE status = 'CAPTURED' GROUP BY reservation_id HAVING count(*) > 1) d`,
    );
    const duplicateMoves = await count(
      system.reservation,
      `SELECT count(*)::int AS n FROM (SELECT reservation_id, to_status
       FROM reservation_history GROUP BY 1, 2 HAVING count(*) > 1) d`,
    );
    const expectedConfirmed = report.bookings.filter(
      (b) => b.expected === 'CONFIRMED',
    );
    expect(confirmed).toBe(expectedConfirmed.length);
    expect(captured).toBe(confirmed);
    expect(doubleCaptures).toBe(0);
    expect(duplicateMoves).toBe(0);

    // Nothing lost: every reservation reached both other services, every
    // outbox row went out, and nothing was parked.
    const reservations = await count(
      system.reservation,
      'SELECT count(*)::int AS n FROM reservations',
    );
    await eventually(
      async () => [
        await count(system.payment, 'SELECT count(*)::int AS n FROM bookings'),
        await count(
          system.cancellation,
          'SELECT count(*)::int AS n FROM bookings',
        ),
      ],
      ([payment, cancellation]) =>
        payment === reservations && cancellation === reservations,
    );
    for (const service of [
      system.reservation,
      system.payment,
      system.cancellation,
    ]) {
      await eventually(
        () =>
          count(
            service,
            'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL',
          ),
        (unsent) => unsent === 0,
      );
    }
    // Connected after the restarts, which would have closed it.
    const bus = await TestBus.connect(system.vhost);
    for (const queue of ['reservation', 'payment', 'cancellation']) {
      expect(await bus.drain(`${queue}.dead-letter`)).toHaveLength(0);
    }
    await bus.close();

    const figures = await deliveryFigures();
    console.log(
      [
        `bookings driven: ${report.bookings.length} (${expectedConfirmed.length} ` +
          `confirmed, ${report.bookings.length - expectedConfirmed.length} declined)`,
        `client retries: ${report.retries}`,
        `recovery after each restart (ms): ${recoveries.join(', ')}`,
        `duplicates skipped by inboxes: ${figures.duplicates}`,
        `relay commit-to-publish: p50 ≤ ${figures.p50} s, p99 ≤ ${figures.p99} s`,
      ].join('\n'),
    );
  });
});

/** Figures from the services' own metrics, shared by the three in-process. */
async function deliveryFigures() {
  const metrics = await register.getMetricsAsJSON();
  const consumed = metrics.find((m) => m.name === 'messages_consumed_total');
  const duplicates = (consumed?.values ?? [])
    .filter((v) => v.labels.outcome === 'duplicate')
    .reduce((sum, v) => sum + v.value, 0);
  const latency = metrics.find(
    (m) => m.name === 'outbox_commit_to_publish_seconds',
  );
  const buckets = (latency?.values ?? []).filter((v) =>
    (v as { metricName?: string }).metricName?.endsWith('_bucket'),
  );
  const total = buckets.find((b) => b.labels.le === '+Inf')?.value ?? 0;
  const quantile = (q: number) =>
    buckets.find((b) => b.value >= q * total)?.labels.le ?? 'n/a';
  return { duplicates, p50: quantile(0.5), p99: quantile(0.99) };
}
