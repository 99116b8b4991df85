import { randomInt } from 'node:crypto';

/** No 0/O or 1/I: a locator is read aloud and typed from paper. */
export const LOCATOR_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const LOCATOR_LENGTH = 6;

export function generateLocator(
  random: (max: number) => number = randomInt,
): string {
  let locator = '';
  for (let i = 0; i < LOCATOR_LENGTH; i++) {
    locator += LOCATOR_ALPHABET[random(LOCATOR_ALPHABET.length)];
  }
  return locator;
}

export function isLocator(value: string): boolean {
  return new RegExp(`^[${LOCATOR_ALPHABET}]{${LOCATOR_LENGTH}}$`).test(value);
}
