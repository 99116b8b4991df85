import { randomUUID } from 'node:crypto';

import {
  Api,
  card,
  CARDS,
  eventually,
  isolate,
  randomLocator,
  startTestService,
  TestBus,
  TestService,
} from '@airline/testing';

import { AppModule } from '../src/app.module';
import { paymentConfig } from '../src/config';

describe('payment service', () => {
  let service: TestService;
  let bus: TestBus;
  let api: Api;

  beforeAll(async () => {
    const { database, vhost } = await isolate('payment');
    bus = await TestBus.connect(vhost);
    service = await startTestService({
      name: 'payment',
      configShape: paymentConfig,
      module: (config) => AppModule.forRoot(config),
      database,
      vhost,
    });
    api = new Api(service.url);
  });

  afterAll(async () => {
    await service.stop();
    await bus.close();
  });

  /** Announces a reservation as the reservation service would. */
  async function reservationCreated(
    overrides: { holdExpiresAt?: string; locator?: string } = {},
  ) {
    const locator = overrides.locator ?? randomLocator();
    const event = await bus.publish('ReservationCreated', {
      reservationId: randomUUID(),
      locator,
      flightId: randomUUID(),
      flightNumber: 'AL100',
      departureAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      passengerLastNames: ['Lovelace', 'Babbage'],
      amountCents: 91_800,
      currency: 'EUR',
      holdExpiresAt: new Date(Date.now() + 600_000).toISOString(),
      ...overrides,
    });
    return event.payload;
  }

  function pay(locator: string, number: string, lastName = 'babbage') {
    return api.post<Record<string, unknown>>('/api/payments', {
      locator,
      lastName,
      card: card(number),
    });
  }

  it('captures the amount the reservation set, and says so on the bus', async () => {
    const reservation = await reservationCreated();

    const answer = await pay(reservation.locator, CARDS.captured);

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      status: 'CAPTURED',
      amountCents: 91_800,
      currency: 'EUR',
      card: { brand: 'visa', last4: '4242' },
    });
    const captured = await bus.waitFor(
      'PaymentCaptured',
      (p) => p.reservationId === reservation.reservationId,
    );
    expect(captured.payload).toMatchObject({
      paymentId: answer.body.id,
      amountCents: 91_800,
    });
  });

  it.each([
    [CARDS.declined, 'card_declined'],
    [CARDS.insufficientFunds, 'insufficient_funds'],
  ])('declines %s with %s', async (number, reason) => {
    const reservation = await reservationCreated();

    const answer = await pay(reservation.locator, number);

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      status: 'DECLINED',
      declineReason: reason,
    });
    await bus.waitFor(
      'PaymentDeclined',
      (p) =>
        p.reservationId === reservation.reservationId && p.reason === reason,
    );
  });

  it('answers a payment sent before its reservation arrived once it does', async () => {
    const locator = randomLocator();
    const answer = pay(locator, CARDS.captured);
    await new Promise((resolve) => setTimeout(resolve, 300));

    await reservationCreated({ locator });

    await expect(answer).resolves.toMatchObject({
      status: 201,
      body: { status: 'CAPTURED' },
    });
  });

  it('refuses a second payment for the same reservation with 409', async () => {
    const reservation = await reservationCreated();
    await pay(reservation.locator, CARDS.captured);

    const again = await pay(reservation.locator, CARDS.captured);

    expect(again.status).toBe(409);
    expect(again.body.code).toBe('RESERVATION_NOT_PAYABLE');
  });

  it('captures once when two payments race', async () => {
    const reservation = await reservationCreated();

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => pay(reservation.locator, CARDS.captured)),
    );

    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    const [{ count }] = await service.dataSource.query(
      `SELECT count(*)::int AS count FROM payments
       WHERE reservation_id = $1 AND status = 'CAPTURED'`,
      [reservation.reservationId],
    );
    expect(count).toBe(1);
  });

  it('refuses to charge a hold that has run out', async () => {
    const reservation = await reservationCreated({
      holdExpiresAt: new Date(Date.now() - 1_000).toISOString(),
    });

    const answer = await pay(reservation.locator, CARDS.captured);

    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('RESERVATION_NOT_PAYABLE');
  });

  it('answers a wrong last name with the same 404 as an unknown locator', async () => {
    const reservation = await reservationCreated();

    const wrongName = await pay(reservation.locator, CARDS.captured, 'Turing');

    expect(wrongName.status).toBe(404);
    expect(wrongName.body.code).toBe('RESERVATION_NOT_FOUND');
  });

  it('refunds by the policy once, however often the cancellation arrives', async () => {
    const reservation = await reservationCreated();
    const payment = await pay(reservation.locator, CARDS.captured);
    const cancelled = bus.envelope('ReservationCancelled', {
      reservationId: reservation.reservationId,
      locator: reservation.locator,
      cancellationId: randomUUID(),
      wasPaid: true,
      refundPercent: 50,
    });

    for (let i = 0; i < 3; i++) {
      bus.publishRaw(cancelled.type, JSON.stringify(cancelled), cancelled.id);
    }

    const refunded = await bus.waitFor(
      'PaymentRefunded',
      (p) => p.paymentId === payment.body.id,
    );
    expect(refunded.payload).toMatchObject({
      amountCents: 45_900,
      cancellationId: cancelled.payload.cancellationId,
    });
    const ledger = await eventually(
      () =>
        api.get<{ refunds: unknown[] }>(
          `/api/payments?locator=${reservation.locator}`,
          { 'x-last-name': 'Lovelace' },
        ),
      (answer) => answer.body.refunds.length > 0,
    );
    expect(ledger.body.refunds).toHaveLength(1);
  });

  it('applies a status update that overtook its reservation', async () => {
    const reservationId = randomUUID();
    const locator = randomLocator();

    await bus.publish('ReservationExpired', { reservationId, locator });
    await bus.publish('ReservationCreated', {
      reservationId,
      locator,
      flightId: randomUUID(),
      flightNumber: 'AL100',
      departureAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      passengerLastNames: ['Lovelace'],
      amountCents: 10_000,
      currency: 'EUR',
      holdExpiresAt: new Date(Date.now() + 600_000).toISOString(),
    });

    const answer = await eventually(
      () => pay(locator, CARDS.captured, 'Lovelace'),
      (a) => a.status === 409,
    );
    expect(answer.body.message).toContain('EXPIRED');
  });

  it('refunds a refused capture in full', async () => {
    const reservation = await reservationCreated();
    const payment = await pay(reservation.locator, CARDS.captured);

    await bus.publish('ReservationPaymentRefused', {
      reservationId: reservation.reservationId,
      locator: reservation.locator,
      paymentId: String(payment.body.id),
      reservationStatus: 'EXPIRED',
    });

    const refunded = await bus.waitFor(
      'PaymentRefunded',
      (p) => p.paymentId === payment.body.id,
    );
    expect(refunded.payload).toMatchObject({
      amountCents: 91_800,
      cancellationId: null,
    });
  });

  it('keeps no card number and no CVC anywhere in its database', async () => {
    const reservation = await reservationCreated();
    await pay(reservation.locator, CARDS.captured);

    const dump: { row: string }[] = await service.dataSource.query(`
      SELECT row_to_json(t)::text AS row FROM payments t
      UNION ALL SELECT row_to_json(t)::text FROM refunds t
      UNION ALL SELECT row_to_json(t)::text FROM outbox t
      UNION ALL SELECT row_to_json(t)::text FROM idempotency_keys t`);

    const text = dump.map((d) => d.row).join('\n');
    expect(text).not.toMatch(/4242\s?4242\s?4242\s?4242/);
    expect(text).not.toMatch(/"cvc"/);
  });
});
