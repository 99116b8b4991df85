import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('probes again after each pause until a value comes', async () => {
    const values = [undefined, null, 'found'];
    const pauses: number[] = [];

    const value = await waitFor(async () => values.shift(), 1_000, {
      intervalMs: 40,
      pause: async (ms) => {
        pauses.push(ms);
      },
    });

    expect(value).toBe('found');
    expect(pauses).toEqual([40, 40]);
  });

  it('gives up with undefined once its time is up, pausing no longer than what is left', async () => {
    const pauses: number[] = [];

    const value = await waitFor(async () => undefined, 100, {
      intervalMs: 1_000,
      pause: (ms) => {
        pauses.push(ms);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
    });

    expect(value).toBeUndefined();
    expect(pauses.length).toBeGreaterThan(0);
    expect(Math.max(...pauses)).toBeLessThanOrEqual(100);
  });
});
