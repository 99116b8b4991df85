import { build } from 'hdr-histogram-js';

import { bucketize } from './charts';
import { parseStatsLine, summarizeSamples } from './container-stats';
import { parseTps } from './floor';
import { checkInventory } from './inventory';
import { percentiles } from './recorder';
import { rateOf, ratioOf } from './report';

describe('rateOf and ratioOf', () => {
  it('divides confirmations in the window by its length, then by the floor', () => {
    const timeline = [
      { second: 0, confirmed: 100, sagaP99Ms: 40 },
      { second: 1, confirmed: 140, sagaP99Ms: 60 },
    ];

    const rate = rateOf(timeline, 2);

    expect(rate).toBe(120);
    expect(
      ratioOf(rate, {
        bookingsPerSecond: 600,
        clients: 16,
        durationSeconds: 2,
      }),
    ).toBe(0.2);
    expect(ratioOf(rate, null)).toBeNull();
  });
});

describe('percentiles', () => {
  it('reads p50 to max from a histogram', () => {
    const histogram = build({ useWebAssembly: false });
    for (let ms = 1; ms <= 100; ms++) {
      histogram.recordValue(ms);
    }

    expect(percentiles(histogram)).toEqual({
      count: 100,
      p50: 50,
      p95: 95,
      p99: 99,
      max: 100,
    });
  });
});

describe('checkInventory', () => {
  it('counts seats beyond capacity and counters that disagree', () => {
    const check = checkInventory([
      { seatsTotal: 100, seatsAvailable: 40, seatsHeld: 60 },
      { seatsTotal: 100, seatsAvailable: 0, seatsHeld: 103 },
      { seatsTotal: 100, seatsAvailable: 10, seatsHeld: 80 },
    ]);

    expect(check).toEqual({
      oversold: 3,
      mismatchedFlights: 2,
      seatsHeld: 243,
    });
  });

  it('finds nothing wrong when every counter matches its reservations', () => {
    const check = checkInventory([
      { seatsTotal: 150, seatsAvailable: 0, seatsHeld: 150 },
    ]);

    expect(check.oversold).toBe(0);
    expect(check.mismatchedFlights).toBe(0);
  });
});

describe('parseStatsLine', () => {
  it('reads CPU and memory in any unit docker prints', () => {
    const line = (mem: string) =>
      JSON.stringify({ Name: 'x', CPUPerc: '45.5%', MemUsage: mem });

    expect(parseStatsLine(line('128MiB / 23.5GiB'))).toEqual({
      name: 'x',
      cpuPercent: 45.5,
      memoryMiB: 128,
    });
    expect(parseStatsLine(line('1.5GiB / 2GiB')).memoryMiB).toBe(1536);
    expect(parseStatsLine(line('512KiB / 2GiB')).memoryMiB).toBe(0.5);
  });

  it('keeps peak, first and last memory per service', () => {
    const samples = new Map([
      [
        'payment',
        [
          { name: 'p', cpuPercent: 10, memoryMiB: 100 },
          { name: 'p', cpuPercent: 80, memoryMiB: 140 },
          { name: 'p', cpuPercent: 20, memoryMiB: 120 },
        ],
      ],
    ]);

    expect(summarizeSamples(samples)).toEqual({
      payment: {
        peakCpuPercent: 80,
        peakMemoryMiB: 140,
        firstMemoryMiB: 100,
        lastMemoryMiB: 120,
        memoryByTenthMiB: [100, 140, 120],
        samples: 3,
      },
    });
  });

  it('keeps the highest memory of each tenth of the run', () => {
    const memory = Array.from({ length: 25 }, (_, i) => 100 + i);
    const samples = new Map([
      [
        'reservation',
        memory.map((memoryMiB) => ({ name: 'r', cpuPercent: 1, memoryMiB })),
      ],
    ]);

    const figures = summarizeSamples(samples).reservation;

    // 25 samples in tenths of 2 or 3: each tenth's last is its highest.
    expect(figures.memoryByTenthMiB).toEqual([
      101, 104, 106, 109, 111, 114, 116, 119, 121, 124,
    ]);
  });
});

describe('parseTps', () => {
  it("reads pgbench's transactions per second", () => {
    const output = [
      'number of transactions actually processed: 36000',
      'tps = 601.234567 (without initial connection time)',
    ].join('\n');

    expect(parseTps(output)).toBeCloseTo(601.23, 2);
    expect(() => parseTps('connection refused')).toThrow(/no tps/);
  });
});

describe('bucketize', () => {
  it('puts every sample in one of equal-width buckets', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => i + 1);

    const buckets = bucketize(samples, 10);

    expect(buckets).toHaveLength(10);
    expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(1000);
    expect(buckets[1].from).toBeCloseTo(99.9, 1);
  });
});
