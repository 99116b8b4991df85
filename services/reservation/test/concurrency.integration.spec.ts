import { randomUUID } from 'node:crypto';

import {
  Answer,
  Api,
  eventually,
  isolate,
  Isolation,
  passengers,
  TestBus,
  TestService,
} from '@airline/testing';

import { startReservation } from './reservation-service';

interface Flight {
  id: string;
  seatsTotal: number;
  seatsAvailable: number;
}

/**
 * Two replicas of the reservation service on one database, as in
 * production: whatever they race for, no seat is sold twice.
 */
describe('reservation service under concurrency', () => {
  let where: Isolation;
  let replicas: TestService[];
  let apis: Api[];
  let bus: TestBus;

  beforeAll(async () => {
    where = await isolate('reservation');
    bus = await TestBus.connect(where.vhost);
    replicas = [
      await startReservation(where, { HOLD_SWEEP_INTERVAL_MS: '100' }),
      await startReservation(where, { HOLD_SWEEP_INTERVAL_MS: '100' }),
    ];
    // 2,000 requests at once queue for a few seconds on a 2-core machine.
    apis = replicas.map((replica) => new Api(replica.url, 120_000));
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await bus.close();
  });

  async function flightWithSeats(seats: number, skip = 0): Promise<Flight> {
    const { body } = await apis[0].get<Flight[]>('/api/flights?limit=200');
    return body.filter((f) => f.seatsTotal === seats)[skip];
  }

  async function seatsHeld(flightId: string): Promise<number> {
    const [{ held }] = await replicas[0].dataSource.query(
      `SELECT coalesce(sum(passenger_count), 0)::int AS held FROM reservations
       WHERE flight_id = $1 AND status IN ('AWAITING_PAYMENT', 'CONFIRMED')`,
      [flightId],
    );
    return held;
  }

  async function available(flightId: string): Promise<number> {
    return (await apis[0].get<Flight>(`/api/flights/${flightId}`)).body
      .seatsAvailable;
  }

  it('sells exactly 100 seats of a 100-seat flight to 2,000 concurrent attempts', async () => {
    const flight = await flightWithSeats(100);
    const started = Date.now();

    const answers = await Promise.all(
      Array.from({ length: 2_000 }, (_, i) =>
        apis[i % 2].post('/api/reservations', {
          flightId: flight.id,
          passengers: passengers(1),
        }),
      ),
    );

    const elapsed = Date.now() - started;
    const created = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status === 409);
    console.log(
      `2,000 attempts on 100 seats over 2 replicas: ${created.length} sold, ` +
        `${refused.length} × 409 in ${elapsed} ms`,
    );
    expect(created).toHaveLength(100);
    expect(refused).toHaveLength(1_900);
    expect(new Set(refused.map((a) => a.body.code))).toEqual(
      new Set(['SEATS_UNAVAILABLE']),
    );
    expect(await available(flight.id)).toBe(0);
    expect(await seatsHeld(flight.id)).toBe(100);
  });

  it('keeps sold seats equal to capacity minus available for 1-9 passengers', async () => {
    const flight = await flightWithSeats(300);

    const answers = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        apis[i % 2].post('/api/reservations', {
          flightId: flight.id,
          passengers: passengers(1 + Math.floor(Math.random() * 9)),
        }),
      ),
    );

    const sold = answers
      .filter((a) => a.status === 201)
      .reduce((sum, a) => sum + (a.body.passengers as unknown[]).length, 0);
    const left = await available(flight.id);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(
      true,
    );
    expect(left).toBeGreaterThanOrEqual(0);
    expect(sold).toBe(flight.seatsTotal - left);
    expect(await seatsHeld(flight.id)).toBe(sold);
  });

  it('expires every overdue hold exactly once with two sweeping replicas', async () => {
    const flight = await flightWithSeats(300, 1);
    const made = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        apis[i % 2].post<{ id: string }>('/api/reservations', {
          flightId: flight.id,
          passengers: passengers(2),
        }),
      ),
    );
    const ids = made.map((a) => a.body.id);

    await replicas[0].dataSource.query(
      `UPDATE reservations SET hold_expires_at = now() - interval '1 second'
       WHERE id = ANY($1)`,
      [ids],
    );

    await eventually(
      async () => (await seatsHeld(flight.id)) === 0,
      (done) => done,
      { timeoutMs: 20_000 },
    );
    expect(await available(flight.id)).toBe(flight.seatsTotal);
    const [{ expiries }] = await replicas[0].dataSource.query(
      `SELECT count(*)::int AS expiries FROM reservation_history
       WHERE reservation_id = ANY($1) AND to_status = 'EXPIRED'`,
      [ids],
    );
    expect(expiries).toBe(120);
    await eventually(
      async () =>
        bus
          .events('ReservationExpired')
          .filter((e) => ids.includes(String(e.payload.reservationId))).length,
      (count) => count >= 120,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const events = bus
      .events('ReservationExpired')
      .filter((e) => ids.includes(String(e.payload.reservationId)));
    expect(events).toHaveLength(120);
  });

  it('makes one reservation from 50 parallel POSTs with one Idempotency-Key', async () => {
    const flight = await flightWithSeats(250);
    const key = randomUUID();
    const request = (i: number) =>
      apis[i % 2].post(
        '/api/reservations',
        {
          flightId: flight.id,
          passengers: passengers(1, 'Hopper'),
        },
        { 'idempotency-key': key },
      );

    const first = await Promise.all(
      Array.from({ length: 50 }, (_, i) => request(i)),
    );
    const settled: Answer[] = [];
    for (const [i, answer] of first.entries()) {
      settled.push(
        answer.status === 409
          ? await eventually(
              () => request(i),
              (a) => a.status !== 409,
            )
          : answer,
      );
    }

    expect(
      first.every(
        (a) => a.status === 201 || a.body.code === 'REQUEST_IN_PROGRESS',
      ),
    ).toBe(true);
    expect(
      new Set(settled.map((a) => JSON.stringify([a.status, a.body]))).size,
    ).toBe(1);
    const [{ count }] = await replicas[0].dataSource.query(
      `SELECT count(*)::int AS count FROM reservations r
       JOIN passengers p ON p.reservation_id = r.id
       WHERE r.flight_id = $1 AND p.last_name = 'Hopper'`,
      [flight.id],
    );
    expect(count).toBe(1);
  });
});
