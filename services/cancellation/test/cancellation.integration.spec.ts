import { randomUUID } from 'node:crypto';

import {
  Api,
  eventually,
  isolate,
  randomLocator,
  startTestService,
  TestBus,
  TestService,
} from '@airline/testing';

import { AppModule } from '../src/app.module';
import { cancellationConfig } from '../src/config';

const HOUR = 3_600_000;

interface CancellationView {
  id: string;
  status: string;
  refundPolicy: string;
  refundAmountCents: number;
  rejectionReason?: string;
}

describe('cancellation service', () => {
  let service: TestService;
  let bus: TestBus;
  let api: Api;

  beforeAll(async () => {
    const { database, vhost } = await isolate('cancellation');
    bus = await TestBus.connect(vhost);
    service = await startTestService({
      name: 'cancellation',
      configShape: cancellationConfig,
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

  async function reservationDepartingIn(ms: number) {
    const event = await bus.publish('ReservationCreated', {
      reservationId: randomUUID(),
      locator: randomLocator(),
      flightId: randomUUID(),
      flightNumber: 'AL100',
      departureAt: new Date(Date.now() + ms).toISOString(),
      passengerLastNames: ['Lovelace'],
      amountCents: 45_900,
      currency: 'EUR',
      holdExpiresAt: new Date(Date.now() + 600_000).toISOString(),
    });
    return event.payload;
  }

  async function requestCancellation(locator: string) {
    const answer = await api.post<CancellationView>('/api/cancellations', {
      locator,
      lastName: 'lovelace',
    });
    expect(answer.status).toBe(202);
    return answer.body;
  }

  function quote(locator: string, lastName = 'Lovelace') {
    return api.get(`/api/cancellations/quote?locator=${locator}`, {
      'x-last-name': lastName,
    });
  }

  function follow(id: string): Promise<CancellationView> {
    return eventually(
      async () =>
        (
          await api.get<CancellationView>(`/api/cancellations/${id}`, {
            'x-last-name': 'Lovelace',
          })
        ).body,
      (c) => c.status !== 'REQUESTED',
    );
  }

  it.each([
    ['a week', 7 * 24 * HOUR, 'FULL', 100],
    ['two days', 48 * HOUR, 'PARTIAL', 50],
    ['an hour', HOUR, 'NONE', 0],
  ])(
    'asks to cancel %s ahead with the %s policy',
    async (_, ms, policy, percent) => {
      const reservation = await reservationDepartingIn(ms);

      const cancellation = await requestCancellation(reservation.locator);

      expect(cancellation.status).toBe('REQUESTED');
      const requested = await bus.waitFor(
        'CancellationRequested',
        (p) => p.cancellationId === cancellation.id,
      );
      expect(requested.payload).toMatchObject({
        reservationId: reservation.reservationId,
        refundPolicy: policy,
        refundPercent: percent,
      });
    },
  );

  it('completes with the amount the payment service refunded', async () => {
    const reservation = await reservationDepartingIn(7 * 24 * HOUR);
    const cancellation = await requestCancellation(reservation.locator);
    await bus.publish('ReservationCancelled', {
      reservationId: reservation.reservationId,
      locator: reservation.locator,
      cancellationId: cancellation.id,
      wasPaid: true,
      refundPercent: 100,
    });

    await bus.publish('PaymentRefunded', {
      refundId: randomUUID(),
      paymentId: randomUUID(),
      reservationId: reservation.reservationId,
      locator: reservation.locator,
      cancellationId: cancellation.id,
      amountCents: 45_900,
      currency: 'EUR',
    });

    expect(await follow(cancellation.id)).toMatchObject({
      status: 'COMPLETED',
      refundPolicy: 'FULL',
      refundAmountCents: 45_900,
    });
  });

  it('completes an unpaid booking with no refund', async () => {
    const reservation = await reservationDepartingIn(7 * 24 * HOUR);
    const cancellation = await requestCancellation(reservation.locator);

    await bus.publish('ReservationCancelled', {
      reservationId: reservation.reservationId,
      locator: reservation.locator,
      cancellationId: cancellation.id,
      wasPaid: false,
      refundPercent: 100,
    });

    expect(await follow(cancellation.id)).toMatchObject({
      status: 'COMPLETED',
      refundPolicy: 'NONE',
      refundAmountCents: 0,
    });
  });

  it('completes once when the refund overtakes the cancellation', async () => {
    const reservation = await reservationDepartingIn(7 * 24 * HOUR);
    const cancellation = await requestCancellation(reservation.locator);

    await bus.publish('PaymentRefunded', {
      refundId: randomUUID(),
      paymentId: randomUUID(),
      reservationId: reservation.reservationId,
      locator: reservation.locator,
      cancellationId: cancellation.id,
      amountCents: 45_900,
      currency: 'EUR',
    });
    await bus.publish('ReservationCancelled', {
      reservationId: reservation.reservationId,
      locator: reservation.locator,
      cancellationId: cancellation.id,
      wasPaid: true,
      refundPercent: 100,
    });

    expect(await follow(cancellation.id)).toMatchObject({
      status: 'COMPLETED',
      refundAmountCents: 45_900,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await follow(cancellation.id)).toMatchObject({
      refundAmountCents: 45_900,
    });
  });

  it('records the rejection the reservation service sent', async () => {
    const reservation = await reservationDepartingIn(7 * 24 * HOUR);
    const cancellation = await requestCancellation(reservation.locator);

    await bus.publish('ReservationCancellationRejected', {
      reservationId: reservation.reservationId,
      locator: reservation.locator,
      cancellationId: cancellation.id,
      reason: 'ALREADY_CANCELLED',
    });

    expect(await follow(cancellation.id)).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'ALREADY_CANCELLED',
    });
  });

  it('rejects at once a cancellation after departure, asking nobody', async () => {
    const reservation = await reservationDepartingIn(-HOUR);

    const cancellation = await requestCancellation(reservation.locator);

    expect(cancellation).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'FLIGHT_DEPARTED',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      bus
        .events('CancellationRequested')
        .filter((e) => e.payload.reservationId === reservation.reservationId),
    ).toHaveLength(0);
  });

  it('answers a wrong last name with the same 404 as an unknown locator', async () => {
    const reservation = await reservationDepartingIn(7 * 24 * HOUR);

    const wrong = await api.post('/api/cancellations', {
      locator: reservation.locator,
      lastName: 'Turing',
    });

    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('RESERVATION_NOT_FOUND');
  });

  it('quotes the full refund of a paid booking a week ahead', async () => {
    const reservation = await reservationDepartingIn(7 * 24 * HOUR);
    await bus.publish('ReservationConfirmed', {
      reservationId: reservation.reservationId,
      locator: reservation.locator,
      paymentId: randomUUID(),
    });

    const answer = await eventually(
      () => quote(reservation.locator.toLowerCase(), 'LOVELACE'),
      (a) => a.body.paid === true,
    );

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      locator: reservation.locator,
      cancellable: true,
      paid: true,
      refundPolicy: 'FULL',
      refundPercent: 100,
      refundAmountCents: 45_900,
      currency: 'EUR',
      departureAt: reservation.departureAt,
    });
  });

  it('quotes no refund for a booking not paid, and cancels nothing', async () => {
    const reservation = await reservationDepartingIn(7 * 24 * HOUR);

    const answer = await quote(reservation.locator);

    expect(answer.body).toMatchObject({
      cancellable: true,
      paid: false,
      refundPolicy: 'NONE',
      refundAmountCents: 0,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      bus
        .events('CancellationRequested')
        .filter((e) => e.payload.reservationId === reservation.reservationId),
    ).toHaveLength(0);
  });

  it('quotes a wrong last name with the same 404 as an unknown locator', async () => {
    const reservation = await reservationDepartingIn(7 * 24 * HOUR);

    const wrong = await quote(reservation.locator, 'Turing');
    const unknown = await quote('ZZZZZZ');

    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('RESERVATION_NOT_FOUND');
    expect(unknown.body).toMatchObject({
      code: wrong.body.code,
      message: wrong.body.message,
    });
  });
});
