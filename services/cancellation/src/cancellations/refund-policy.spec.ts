import { decideRefund, refundAmount } from './refund-policy';

const departure = new Date('2026-12-24T12:00:00Z');
const before = (ms: number) => new Date(departure.getTime() - ms);
const HOUR = 3_600_000;

describe('decideRefund', () => {
  it.each([
    ['30 days before', 30 * 24 * HOUR, 'FULL', 100],
    ['72 h and 1 ms before', 72 * HOUR + 1, 'FULL', 100],
    ['exactly 72 h before', 72 * HOUR, 'PARTIAL', 50],
    ['48 h before', 48 * HOUR, 'PARTIAL', 50],
    ['exactly 24 h before', 24 * HOUR, 'PARTIAL', 50],
    ['24 h less 1 ms before', 24 * HOUR - 1, 'NONE', 0],
    ['1 ms before', 1, 'NONE', 0],
  ])('gives a %s cancellation the %s policy', (_, ms, policy, percent) => {
    expect(decideRefund(departure, before(ms))).toEqual({
      allowed: true,
      policy,
      percent,
    });
  });

  it.each([
    ['at departure', 0],
    ['after departure', -HOUR],
  ])('rejects a cancellation %s', (_, ms) => {
    expect(decideRefund(departure, before(ms))).toEqual({
      allowed: false,
      reason: 'FLIGHT_DEPARTED',
    });
  });
});

describe('refundAmount', () => {
  it.each([
    [45_900, 100, 45_900],
    [45_900, 50, 22_950],
    [12_901, 50, 6_450],
    [45_900, 0, 0],
  ])('refunds %i cents at %i%% as %i', (paid, percent, expected) => {
    expect(refundAmount(paid, percent)).toBe(expected);
  });
});
