import { quoteRefund } from './refund-quote';

const HOUR = 3_600_000;
const now = new Date('2026-12-01T12:00:00Z');

function booking(status: string, hoursAhead: number) {
  return {
    status,
    departureAt: new Date(now.getTime() + hoursAhead * HOUR),
    amountCents: 91_800,
  };
}

describe('quoteRefund', () => {
  it.each([
    ['a week', 7 * 24, 'FULL', 100, 91_800],
    ['two days', 48, 'PARTIAL', 50, 45_900],
    ['an hour', 1, 'NONE', 0, 0],
  ])(
    'quotes a confirmed booking departing in %s the %s policy',
    (_, hours, policy, percent, cents) => {
      expect(quoteRefund(booking('CONFIRMED', hours), now)).toEqual({
        cancellable: true,
        paid: true,
        refundPolicy: policy,
        refundPercent: percent,
        refundAmountCents: cents,
      });
    },
  );

  it('quotes no refund for a booking never paid', () => {
    expect(quoteRefund(booking('AWAITING_PAYMENT', 7 * 24), now)).toEqual({
      cancellable: true,
      paid: false,
      refundPolicy: 'NONE',
      refundPercent: 0,
      refundAmountCents: 0,
    });
  });

  it.each([
    ['a departed flight', 'CONFIRMED', -1, 'FLIGHT_DEPARTED'],
    ['a cancelled booking', 'CANCELLED', 7 * 24, 'ALREADY_CANCELLED'],
    ['an expired hold', 'EXPIRED', 7 * 24, 'NOT_CANCELLABLE'],
    ['a failed payment', 'PAYMENT_FAILED', 7 * 24, 'NOT_CANCELLABLE'],
  ])('refuses %s with its reason', (_, status, hours, reason) => {
    expect(quoteRefund(booking(status, hours), now)).toMatchObject({
      cancellable: false,
      rejectionReason: reason,
      refundAmountCents: 0,
    });
  });
});
