import { randomUUID } from 'node:crypto';

import {
  Api,
  eventually,
  isolate,
  Isolation,
  passengers,
  TestBus,
  TestService,
} from '@airline/testing';

import { generateLocator } from '../src/reservations/locator';
import { startReservation } from './reservation-service';

interface Flight {
  id: string;
  origin: string;
  destination: string;
  seatsAvailable: number;
  seatsTotal: number;
  departureAt: string;
}

// The real generator, watched, so that a test can make it draw a taken one.
jest.mock('../src/reservations/locator', () => {
  const actual = jest.requireActual('../src/reservations/locator');
  return { ...actual, generateLocator: jest.fn(actual.generateLocator) };
});

describe('reservation service', () => {
  let where: Isolation;
  let service: TestService;
  let bus: TestBus;
  let api: Api;

  beforeAll(async () => {
    where = await isolate('reservation');
    bus = await TestBus.connect(where.vhost);
    service = await startReservation(where, { HOLD_SWEEP_INTERVAL_MS: '200' });
    api = new Api(service.url);
  });

  afterAll(async () => {
    await service.stop();
    await bus.close();
  });

  let flightsUsed = 0;

  /** A flight no other test touches, so seat counts are this test's own. */
  async function anyFlight(): Promise<Flight> {
    const { body } = await api.get<Flight[]>(
      `/api/flights?limit=1&offset=${20 + flightsUsed++}`,
    );
    return body[0];
  }

  async function seats(flightId: string): Promise<number> {
    return (await api.get<Flight>(`/api/flights/${flightId}`)).body
      .seatsAvailable;
  }

  async function reserve(flightId: string, count = 2) {
    const answer = await api.post<{
      id: string;
      locator: string;
      amountCents: number;
    }>('/api/reservations', { flightId, passengers: passengers(count) });
    expect(answer.status).toBe(201);
    return answer.body;
  }

  async function statusOf(locator: string): Promise<string> {
    const { body } = await api.get<{ status: string }>(
      `/api/reservations/${locator}`,
      { 'x-last-name': 'LOVELACE' },
    );
    return body.status;
  }

  it('seeds flights for the coming days, in departure order', async () => {
    const { status, body } = await api.get<Flight[]>('/api/flights?limit=100');

    expect(status).toBe(200);
    expect(body).toHaveLength(100);
    expect(new Set(body.flatMap((f) => [f.origin, f.destination])).size).toBe(
      8,
    );
    const times = body.map((f) => Date.parse(f.departureAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('counts answered requests by route pattern in its metrics', async () => {
    const flight = await anyFlight();
    await api.get(`/api/flights/${flight.id}`);

    const metrics = await fetch(`${service.url}/metrics`).then((r) => r.text());

    expect(metrics).toMatch(
      /http_requests_total\{method="GET",route="\/api\/flights\/:id",status="200"\} [1-9]/,
    );
    expect(metrics).not.toContain(flight.id);
  });

  it('holds seats and publishes reservation.created from the outbox', async () => {
    const flight = await anyFlight();

    const reservation = await reserve(flight.id, 3);

    expect(await seats(flight.id)).toBe(flight.seatsAvailable - 3);
    const event = await bus.waitFor(
      'ReservationCreated',
      (p) => p.reservationId === reservation.id,
    );
    expect(event.payload).toMatchObject({
      locator: reservation.locator,
      amountCents: reservation.amountCents,
      passengerLastNames: ['Lovelace', 'Lovelace', 'Lovelace'],
    });
    expect(event.producer).toBe('reservation');
  });

  it('draws another locator when the first one drawn is taken', async () => {
    const flight = await anyFlight();
    const taken = await reserve(flight.id, 1);
    const draw = jest.mocked(generateLocator);
    draw.mockClear().mockReturnValueOnce(taken.locator);

    const reservation = await reserve(flight.id, 2);

    expect(draw).toHaveBeenCalledTimes(2);
    expect(reservation.locator).not.toBe(taken.locator);
    expect(await seats(flight.id)).toBe(flight.seatsAvailable - 3);
    const [{ count }] = await service.dataSource.query(
      `SELECT count(*)::int AS count FROM reservations WHERE locator = $1`,
      [taken.locator],
    );
    expect(count).toBe(1);
  });

  it('keeps its events for consumers that have never started', async () => {
    const flight = await anyFlight();

    const reservation = await reserve(flight.id);

    // Neither payment nor cancellation runs here: their queues were
    // declared and bound by this producer, from the contracts.
    for (const queue of ['payment.events', 'cancellation.events']) {
      const waiting = await eventually(
        async () =>
          (await bus.drain(queue)).map((m) =>
            JSON.parse(m.content.toString('utf8')),
          ),
        (envelopes) =>
          envelopes.some((e) => e.payload.reservationId === reservation.id),
      );
      expect(
        waiting.find((e) => e.payload.reservationId === reservation.id).type,
      ).toBe('reservation.created');
    }
  });

  it('confirms on payment.captured once, however often it is delivered', async () => {
    const flight = await anyFlight();
    const reservation = await reserve(flight.id);
    const captured = bus.envelope('PaymentCaptured', {
      paymentId: randomUUID(),
      reservationId: reservation.id,
      locator: reservation.locator,
      amountCents: reservation.amountCents,
      currency: 'EUR',
    });

    for (let i = 0; i < 3; i++) {
      bus.publishRaw(captured.type, JSON.stringify(captured), captured.id);
    }

    await eventually(
      () => statusOf(reservation.locator),
      (s) => s === 'CONFIRMED',
    );
    await bus.waitFor(
      'ReservationConfirmed',
      (p) => p.reservationId === reservation.id,
    );
    const history = await service.dataSource.query(
      `SELECT to_status FROM reservation_history WHERE reservation_id = $1`,
      [reservation.id],
    );
    expect(history.map((h: { to_status: string }) => h.to_status)).toEqual([
      'AWAITING_PAYMENT',
      'CONFIRMED',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      bus
        .events('ReservationConfirmed')
        .filter((e) => e.payload.reservationId === reservation.id),
    ).toHaveLength(1);
  });

  it('releases the seats once on payment.declined', async () => {
    const flight = await anyFlight();
    const reservation = await reserve(flight.id, 4);

    await bus.publish('PaymentDeclined', {
      paymentId: randomUUID(),
      reservationId: reservation.id,
      locator: reservation.locator,
      reason: 'card_declined',
    });

    await eventually(
      () => statusOf(reservation.locator),
      (s) => s === 'PAYMENT_FAILED',
    );
    expect(await seats(flight.id)).toBe(flight.seatsAvailable);
  });

  it('asks for a refund when a capture arrives after cancellation', async () => {
    const flight = await anyFlight();
    const reservation = await reserve(flight.id, 1);
    await bus.publish('CancellationRequested', {
      cancellationId: randomUUID(),
      reservationId: reservation.id,
      locator: reservation.locator,
      refundPolicy: 'FULL',
      refundPercent: 100,
    });
    await eventually(
      () => statusOf(reservation.locator),
      (s) => s === 'CANCELLED',
    );

    const paymentId = randomUUID();
    await bus.publish('PaymentCaptured', {
      paymentId,
      reservationId: reservation.id,
      locator: reservation.locator,
      amountCents: reservation.amountCents,
      currency: 'EUR',
    });

    const refused = await bus.waitFor(
      'ReservationPaymentRefused',
      (p) => p.paymentId === paymentId,
    );
    expect(refused.payload.reservationStatus).toBe('CANCELLED');
    expect(await statusOf(reservation.locator)).toBe('CANCELLED');
    expect(await seats(flight.id)).toBe(flight.seatsAvailable);
  });

  it('rejects a second cancellation as ALREADY_CANCELLED', async () => {
    const flight = await anyFlight();
    const reservation = await reserve(flight.id, 1);
    const request = () =>
      bus.publish('CancellationRequested', {
        cancellationId: randomUUID(),
        reservationId: reservation.id,
        locator: reservation.locator,
        refundPolicy: 'FULL',
        refundPercent: 100,
      });

    const first = await request();
    await bus.waitFor(
      'ReservationCancelled',
      (p) => p.reservationId === reservation.id,
    );
    const second = await request();

    const rejected = await bus.waitFor(
      'ReservationCancellationRejected',
      (p) => p.cancellationId === second.payload.cancellationId,
    );
    expect(rejected.payload.reason).toBe('ALREADY_CANCELLED');
    expect(first.payload.cancellationId).not.toBe(
      second.payload.cancellationId,
    );
    expect(await seats(flight.id)).toBe(flight.seatsAvailable);
  });

  it('refuses a flight that has departed with 422 FLIGHT_DEPARTED', async () => {
    const [{ id }] = await service.dataSource.query(
      `INSERT INTO flights (id, flight_number, origin, destination,
         departure_at, arrival_at, fare_cents, currency, seats_total,
         seats_available)
       VALUES (gen_random_uuid(), 'AL999', 'LHR', 'JFK', now() - interval '1 hour',
         now() + interval '6 hours', 10000, 'EUR', 100, 100)
       RETURNING id`,
    );

    const answer = await api.post('/api/reservations', {
      flightId: id,
      passengers: passengers(1),
    });

    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('FLIGHT_DEPARTED');
  });

  it('expires an unpaid hold and releases its seats', async () => {
    const flight = await anyFlight();
    const reservation = await reserve(flight.id, 2);

    await service.dataSource.query(
      `UPDATE reservations SET hold_expires_at = now() - interval '1 second'
       WHERE id = $1`,
      [reservation.id],
    );

    await eventually(
      () => statusOf(reservation.locator),
      (s) => s === 'EXPIRED',
    );

    await bus.waitFor(
      'ReservationExpired',
      (p) => p.reservationId === reservation.id,
    );
    expect(await seats(flight.id)).toBe(flight.seatsAvailable);
  });

  it('parks an invalid message in the dead-letter queue and keeps going', async () => {
    const flight = await anyFlight();
    const reservation = await reserve(flight.id, 1);

    bus.publishRaw('payment.captured', '{"not":"an envelope"}');
    await bus.publish('PaymentDeclined', {
      paymentId: randomUUID(),
      reservationId: reservation.id,
      locator: reservation.locator,
      reason: 'insufficient_funds',
    });

    await eventually(
      () => statusOf(reservation.locator),
      (s) => s === 'PAYMENT_FAILED',
    );
    const parked = await eventually(
      () => bus.drain('reservation.dead-letter'),
      (messages) => messages.length > 0,
    );
    expect(parked[0].properties.headers?.['x-last-error']).toMatch(
      /^invalid: envelope/,
    );
    expect(parked[0].properties.headers?.['x-original-routing-key']).toBe(
      'payment.captured',
    );
  });

  it('retries a failing message, then parks it with its reason', async () => {
    const unknown = randomUUID();

    await bus.publish('PaymentCaptured', {
      paymentId: randomUUID(),
      reservationId: unknown,
      locator: 'ZZZZZZ',
      amountCents: 100,
      currency: 'EUR',
    });

    const parked = await eventually(
      () => bus.drain('reservation.dead-letter'),
      (messages) => messages.length > 0,
    );
    expect(parked[0].properties.headers).toMatchObject({
      'x-attempts': 3,
      'x-last-error': `reservation ${unknown} does not exist`,
      'x-original-routing-key': 'payment.captured',
    });
  });
});
