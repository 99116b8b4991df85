import { DEFAULTS, parseOptions } from './options';

describe('parseOptions', () => {
  it('gives a 60-second closed loop of the bench stack when told nothing', () => {
    const options = parseOptions([]);

    expect(options).toEqual(DEFAULTS);
    expect(options.durationSeconds).toBe(60);
    expect(options.warmupSeconds).toBe(15);
    expect(options.project).toBe('airline-bench');
  });

  it('reads values given as separate words or after =', () => {
    const options = parseOptions([
      '--duration',
      '600',
      '--rate=120',
      '--seed-reservations',
      '1000000',
      '--no-baseline',
      '--warmup',
      '0',
    ]);

    expect(options.durationSeconds).toBe(600);
    expect(options.rate).toBe(120);
    expect(options.seedReservations).toBe(1_000_000);
    expect(options.baseline).toBe(false);
    expect(options.warmupSeconds).toBe(0);
  });

  it('measures the default Compose project when driving a running stack', () => {
    const options = parseOptions(['--url', 'http://127.0.0.1:8080/']);

    expect(options.url).toBe('http://127.0.0.1:8080');
    expect(options.project).toBe('airline');
  });

  it('refuses a gateway that is not on this machine', () => {
    expect(() => parseOptions(['--url', 'http://10.0.0.5:8080'])).toThrow(
      /127.0.0.1 or localhost/,
    );
  });

  it('refuses an open and a closed loop at once', () => {
    expect(() => parseOptions(['--rate', '10', '--customers', '5'])).toThrow(
      /not both/,
    );
  });

  it('refuses unknown options, missing values and bad numbers', () => {
    expect(() => parseOptions(['--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseOptions(['--duration'])).toThrow(/needs a value/);
    expect(() => parseOptions(['--duration', '-1'])).toThrow(/positive/);
    expect(() => parseOptions(['--decline-share', '2'])).toThrow(/0 and 1/);
  });
});
