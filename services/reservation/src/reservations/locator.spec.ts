import { generateLocator, isLocator, LOCATOR_ALPHABET } from './locator';

describe('generateLocator', () => {
  it('makes 6 characters from the unambiguous alphabet', () => {
    const locators = Array.from({ length: 2_000 }, () => generateLocator());

    for (const locator of locators) {
      expect(locator).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/);
    }
  });

  it('never uses 0, 1, I or O', () => {
    expect(LOCATOR_ALPHABET).not.toMatch(/[01IO]/);
    expect(LOCATOR_ALPHABET).toHaveLength(32);
  });

  it('draws every character of the alphabet', () => {
    let next = 0;
    const locator = generateLocator((max) => next++ % max);

    expect(locator).toBe('ABCDEF');
  });
});

describe('isLocator', () => {
  it.each([
    ['ABC234', true],
    ['abc234', false],
    ['ABC2340', false],
    ['ABC10O', false],
  ])('says %s is %s', (value, expected) => {
    expect(isLocator(value)).toBe(expected);
  });
});
