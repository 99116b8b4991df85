import { brandOf, digitsOf, isExpired, passesLuhn, summarize } from './card';

describe('passesLuhn', () => {
  it.each([
    ['4242424242424242', true],
    ['4000000000000002', true],
    ['4000000000009995', true],
    ['5555555555554444', true],
    ['378282246310005', true],
    ['4242424242424241', false],
    ['1234567890123456', false],
    ['42424242', false],
    ['4242x24242424242', false],
  ])('says %s is %s', (digits, expected) => {
    expect(passesLuhn(digits)).toBe(expected);
  });
});

describe('brandOf', () => {
  it.each([
    ['4242424242424242', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['378282246310005', 'amex'],
    ['6011111111111117', 'discover'],
    ['9999999999999995', 'unknown'],
  ])('names %s as %s', (digits, brand) => {
    expect(brandOf(digits)).toBe(brand);
  });
});

describe('isExpired', () => {
  const now = new Date('2026-12-04T12:00:00Z');

  it('keeps a card valid through its expiry month', () => {
    expect(isExpired(12, 2026, now)).toBe(false);
  });

  it('expires a card once its month is over', () => {
    expect(isExpired(11, 2026, now)).toBe(true);
  });

  it('expires at midnight UTC after the last day of the month', () => {
    expect(isExpired(12, 2026, new Date('2027-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('summarize', () => {
  it('keeps brand, last 4 and expiry, never the number', () => {
    const summary = summarize(digitsOf('4242 4242 4242 4242'), 12, 2030);

    expect(summary).toEqual({
      brand: 'visa',
      last4: '4242',
      expiryMonth: 12,
      expiryYear: 2030,
    });
    expect(JSON.stringify(summary)).not.toContain('42424242');
  });
});
