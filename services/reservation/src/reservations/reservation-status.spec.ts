import {
  assertTransition,
  canTransition,
  holdsSeats,
  IllegalTransitionError,
  ReservationStatus,
} from './reservation-status';

const statuses: ReservationStatus[] = [
  'AWAITING_PAYMENT',
  'CONFIRMED',
  'PAYMENT_FAILED',
  'EXPIRED',
  'CANCELLED',
];

const legal = new Set([
  'AWAITING_PAYMENT>CONFIRMED',
  'AWAITING_PAYMENT>PAYMENT_FAILED',
  'AWAITING_PAYMENT>EXPIRED',
  'AWAITING_PAYMENT>CANCELLED',
  'CONFIRMED>CANCELLED',
]);

describe('reservation status', () => {
  const pairs = statuses.flatMap((from) => statuses.map((to) => [from, to]));

  it.each(pairs)('allows %s -> %s only when the contract does', (from, to) => {
    const expected = legal.has(`${from}>${to}`);

    expect(
      canTransition(from as ReservationStatus, to as ReservationStatus),
    ).toBe(expected);
  });

  it('throws a typed error for a refused transition', () => {
    expect(() => assertTransition('CANCELLED', 'CONFIRMED')).toThrow(
      IllegalTransitionError,
    );
  });

  it('counts seats as held only while awaiting payment or confirmed', () => {
    const holding = statuses.filter(holdsSeats);

    expect(holding).toEqual(['AWAITING_PAYMENT', 'CONFIRMED']);
  });
});
