import { randomUUID } from 'node:crypto';

import { parseEnvelope } from './envelope';

function envelopeWith(overrides: Record<string, unknown>): string {
  return JSON.stringify({
    id: randomUUID(),
    type: 'reservation.expired',
    version: 1,
    occurredAt: new Date().toISOString(),
    correlationId: 'c-1',
    causationId: null,
    producer: 'reservation',
    payload: { reservationId: randomUUID(), locator: 'ABC234' },
    ...overrides,
  });
}

describe('parseEnvelope', () => {
  it('accepts a valid envelope and payload', () => {
    const result = parseEnvelope(envelopeWith({}));

    expect(result.ok).toBe(true);
  });

  it('rejects a body that is not JSON', () => {
    expect(parseEnvelope('{nope')).toEqual({
      ok: false,
      reason: 'body is not JSON',
    });
  });

  it('rejects an unknown event type', () => {
    const result = parseEnvelope(envelopeWith({ type: 'flight.landed' }));

    expect(result).toEqual({
      ok: false,
      reason: 'unknown event type flight.landed',
    });
  });

  it('rejects an unsupported version', () => {
    const result = parseEnvelope(envelopeWith({ version: 2 }));

    expect(result.ok).toBe(false);
  });

  it('names the invalid payload field', () => {
    const result = parseEnvelope(
      envelopeWith({ payload: { reservationId: 'x', locator: 'ABC234' } }),
    );

    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toContain('reservationId');
  });
});
