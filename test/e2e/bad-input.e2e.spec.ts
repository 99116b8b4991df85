import { randomUUID } from 'node:crypto';

import { Api, card, CARDS, passengers } from '@airline/testing';

const gateway = new Api(process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080');

function expectContractError(
  answer: { status: number; body: Record<string, unknown>; headers: Headers },
  status: number,
  code: string,
): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toMatchObject({ statusCode: status, code });
  expect(typeof answer.body.message).toBe('string');
  expect(answer.body.correlationId).toEqual(expect.any(String));
  expect(JSON.stringify(answer.body)).not.toMatch(
    /at .*\.js:\d+|SELECT|INSERT/,
  );
}

async function someFlightId(): Promise<string> {
  const { body } = await gateway.get<{ id: string }[]>('/api/flights?limit=1');
  return body[0].id;
}

describe('bad input through the gateway', () => {
  const posts = ['/api/reservations', '/api/payments', '/api/cancellations'];

  it.each(posts)('answers malformed JSON to %s with 400', async (path) => {
    const answer = await gateway.send<Record<string, unknown>>(
      'POST',
      path,
      '{"a":',
      {
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
    );

    expectContractError(answer, 400, 'MALFORMED_JSON');
  });

  it.each(posts)(
    'answers unknown fields to %s with 400 listing them',
    async (path) => {
      const answer = await gateway.post(path, { surprise: true });

      expectContractError(answer, 400, 'VALIDATION_FAILED');
      expect(answer.body.errors).toEqual(
        expect.arrayContaining(['property surprise should not exist']),
      );
    },
  );

  it.each(posts)('requires an Idempotency-Key on %s', async (path) => {
    const answer = await gateway.send<Record<string, unknown>>(
      'POST',
      path,
      '{}',
      {
        'content-type': 'application/json',
      },
    );

    expectContractError(answer, 400, 'IDEMPOTENCY_KEY_REQUIRED');
  });

  it.each(posts)('refuses a body over 64 KiB to %s with 413', async (path) => {
    const answer = await gateway.post(path, { padding: 'x'.repeat(70_000) });

    expectContractError(answer, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown flight with 404', async () => {
    expectContractError(
      await gateway.get(`/api/flights/${randomUUID()}`),
      404,
      'FLIGHT_NOT_FOUND',
    );
    expectContractError(
      await gateway.get('/api/flights/nope'),
      404,
      'FLIGHT_NOT_FOUND',
    );
  });

  it('rejects invalid search filters', async () => {
    const answer = await gateway.get('/api/flights?origin=london&limit=500');

    expectContractError(answer, 400, 'VALIDATION_FAILED');
  });

  it('reserves on an unknown flight with 404 FLIGHT_NOT_FOUND', async () => {
    const answer = await gateway.post('/api/reservations', {
      flightId: randomUUID(),
      passengers: passengers(1),
    });

    expectContractError(answer, 404, 'FLIGHT_NOT_FOUND');
  });

  it('answers a wrong last name exactly as an unknown locator', async () => {
    const flightId = await someFlightId();
    const reservation = await gateway.post<{ locator: string }>(
      '/api/reservations',
      {
        flightId,
        passengers: passengers(1),
      },
    );

    const wrongName = await gateway.get(
      `/api/reservations/${reservation.body.locator}`,
      { 'x-last-name': 'Babbage' },
    );
    const unknown = await gateway.get('/api/reservations/ZZZZZZ', {
      'x-last-name': 'Lovelace',
    });

    expectContractError(wrongName, 404, 'RESERVATION_NOT_FOUND');
    expectContractError(unknown, 404, 'RESERVATION_NOT_FOUND');
    expect(wrongName.body.message).toBe(unknown.body.message);
  });

  it('refuses a card number failing the Luhn check with 400', async () => {
    const answer = await gateway.post('/api/payments', {
      locator: 'ABCDEF',
      lastName: 'Lovelace',
      card: card('4242 4242 4242 4241'),
    });

    expectContractError(answer, 400, 'CARD_NUMBER_INVALID');
  });

  it('refuses an expired card with 400', async () => {
    const answer = await gateway.post('/api/payments', {
      locator: 'ABCDEF',
      lastName: 'Lovelace',
      card: { ...card(CARDS.captured), expiryYear: 2020 },
    });

    expectContractError(answer, 400, 'CARD_EXPIRED');
  });

  it('answers unknown payments and cancellations with 404', async () => {
    const headers = { 'x-last-name': 'Lovelace' };

    expectContractError(
      await gateway.get(`/api/payments/${randomUUID()}`, headers),
      404,
      'PAYMENT_NOT_FOUND',
    );
    expectContractError(
      await gateway.get(`/api/cancellations/${randomUUID()}`, headers),
      404,
      'CANCELLATION_NOT_FOUND',
    );
    expectContractError(
      await gateway.get('/api/payments?locator=ZZZZZZ', headers),
      404,
      'RESERVATION_NOT_FOUND',
    );
  });

  it('replays an Idempotency-Key and refuses it with another body', async () => {
    const flightId = await someFlightId();
    const key = { 'idempotency-key': randomUUID() };
    const body = { flightId, passengers: passengers(1) };

    const first = await gateway.post('/api/reservations', body, key);
    const again = await gateway.post('/api/reservations', body, key);
    const other = await gateway.post(
      '/api/reservations',
      { ...body, passengers: passengers(2) },
      key,
    );

    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expectContractError(other, 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('passes a caller correlation id through and echoes it', async () => {
    const answer = await gateway.get('/api/flights/nope', {
      'x-correlation-id': 'test-correlation-1',
    });

    expect(answer.headers.get('x-correlation-id')).toBe('test-correlation-1');
    expect(answer.body.correlationId).toBe('test-correlation-1');
  });
});
