import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const booking = readFileSync(
  join(__dirname, '..', 'floor', 'booking.sql'),
  'utf8',
);

function writesTo(table: string, verb: 'INSERT INTO' | 'UPDATE'): number {
  return booking.split(`${verb} ${table} `).length - 1;
}

describe('the booking floor', () => {
  it('writes what a correct booking writes: three steps, each with its event', () => {
    expect(booking.match(/^BEGIN;$/gm)).toHaveLength(3);
    expect(booking.match(/^COMMIT;$/gm)).toHaveLength(3);
    expect(writesTo('floor_flights', 'UPDATE')).toBe(1);
    expect(writesTo('floor_reservations', 'INSERT INTO')).toBe(1);
    expect(writesTo('floor_reservations', 'UPDATE')).toBe(1);
    expect(writesTo('floor_payments', 'INSERT INTO')).toBe(1);
    expect(writesTo('floor_outbox', 'INSERT INTO')).toBe(3);
    // Capture and confirm are caused by a message; the hold by a request.
    expect(writesTo('floor_inbox', 'INSERT INTO')).toBe(2);
  });
});
