import { Api, card, CARDS, eventually, passengers } from '@airline/testing';

const gateway = new Api(process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080');

interface Flight {
  id: string;
  departureAt: string;
  seatsAvailable: number;
}

interface Reservation {
  id: string;
  locator: string;
  status: string;
  amountCents: number;
}

const DAY = 86_400_000;

/** A flight far enough ahead that a cancellation gets the full refund. */
async function flightInAWeek(): Promise<Flight> {
  const date = new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
  const { status, body } = await gateway.get<Flight[]>(
    `/api/flights?origin=LHR&destination=JFK&date=${date}`,
  );
  expect(status).toBe(200);
  expect(body).toHaveLength(1);
  return body[0];
}

async function seatsOf(flightId: string): Promise<number> {
  const { body } = await gateway.get<Flight>(`/api/flights/${flightId}`);
  return body.seatsAvailable;
}

async function reserve(flightId: string, count = 2): Promise<Reservation> {
  const { status, body } = await gateway.post<Reservation>(
    '/api/reservations',
    {
      flightId,
      passengers: passengers(count),
    },
  );
  expect(status).toBe(201);
  return body;
}

async function statusOf(locator: string): Promise<string> {
  const { body } = await gateway.get<Reservation>(
    `/api/reservations/${locator}`,
    {
      'x-last-name': 'lovelace',
    },
  );
  return body.status;
}

function pay(locator: string, number: string) {
  return gateway.post<Record<string, unknown>>('/api/payments', {
    locator,
    lastName: 'Lovelace',
    card: card(number),
  });
}

describe('booking through the gateway', () => {
  it('confirms a booking paid with 4242 within 5 seconds', async () => {
    const flight = await flightInAWeek();
    const reservation = await reserve(flight.id);
    expect(reservation.status).toBe('AWAITING_PAYMENT');
    expect(await seatsOf(flight.id)).toBe(flight.seatsAvailable - 2);

    const payment = await pay(reservation.locator, CARDS.captured);
    expect(payment.status).toBe(201);
    expect(payment.body).toMatchObject({
      status: 'CAPTURED',
      amountCents: reservation.amountCents,
      card: { brand: 'visa', last4: '4242' },
    });

    const status = await eventually(
      () => statusOf(reservation.locator),
      (s) => s === 'CONFIRMED',
      { timeoutMs: 5_000 },
    );
    expect(status).toBe('CONFIRMED');
  });

  it('fails a declined payment and gives the seats back', async () => {
    const flight = await flightInAWeek();
    const reservation = await reserve(flight.id, 3);

    const payment = await pay(reservation.locator, CARDS.declined);
    expect(payment.body).toMatchObject({
      status: 'DECLINED',
      declineReason: 'card_declined',
    });

    await eventually(
      () => statusOf(reservation.locator),
      (s) => s === 'PAYMENT_FAILED',
    );
    expect(await seatsOf(flight.id)).toBe(flight.seatsAvailable);
  });

  it('cancels a paid booking, refunds it in full and gives the seats back', async () => {
    const flight = await flightInAWeek();
    const reservation = await reserve(flight.id);
    await pay(reservation.locator, CARDS.captured);
    await eventually(
      () => statusOf(reservation.locator),
      (s) => s === 'CONFIRMED',
    );

    const requested = await gateway.post<{ id: string; status: string }>(
      '/api/cancellations',
      {
        locator: reservation.locator,
        lastName: 'Lovelace',
        reason: 'plans changed',
      },
    );
    expect(requested.status).toBe(202);
    expect(requested.body.status).toBe('REQUESTED');

    const done = await eventually(
      async () =>
        (
          await gateway.get(`/api/cancellations/${requested.body.id}`, {
            'x-last-name': 'Lovelace',
          })
        ).body,
      (c) => c.status !== 'REQUESTED',
    );
    expect(done).toMatchObject({
      status: 'COMPLETED',
      refundPolicy: 'FULL',
      refundAmountCents: reservation.amountCents,
    });
    expect(await statusOf(reservation.locator)).toBe('CANCELLED');
    expect(await seatsOf(flight.id)).toBe(flight.seatsAvailable);

    const ledger = await gateway.get(
      `/api/payments?locator=${reservation.locator}`,
      { 'x-last-name': 'Lovelace' },
    );
    expect(ledger.body).toMatchObject({
      refunds: [{ amountCents: reservation.amountCents }],
    });
  });

  it('cancels an unpaid booking without a refund', async () => {
    const flight = await flightInAWeek();
    const reservation = await reserve(flight.id, 1);

    const requested = await gateway.post<{ id: string }>('/api/cancellations', {
      locator: reservation.locator,
      lastName: 'Lovelace',
    });

    const done = await eventually(
      async () =>
        (
          await gateway.get(`/api/cancellations/${requested.body.id}`, {
            'x-last-name': 'Lovelace',
          })
        ).body,
      (c) => c.status !== 'REQUESTED',
    );
    expect(done).toMatchObject({
      status: 'COMPLETED',
      refundPolicy: 'NONE',
      refundAmountCents: 0,
    });
    expect(await statusOf(reservation.locator)).toBe('CANCELLED');
  });
});
