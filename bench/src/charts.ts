import * as echarts from 'echarts';

import type { SecondOfRun } from './recorder';

const WIDTH = 900;
const HEIGHT = 360;
const BUCKETS = 40;

/** Confirmed bookings per second and the saga's p99, second by second. */
export function throughputChart(timeline: SecondOfRun[]): string {
  return render({
    title: { text: 'Confirmed bookings/s and saga p99 over the run' },
    legend: { top: 28 },
    grid: { top: 70 },
    xAxis: { type: 'value', name: 's', min: 0 },
    yAxis: [
      { type: 'value', name: 'bookings/s' },
      { type: 'value', name: 'p99 ms', splitLine: { show: false } },
    ],
    series: [
      {
        name: 'confirmed/s',
        type: 'line',
        showSymbol: false,
        data: timeline.map((s) => [s.second, s.confirmed]),
      },
      {
        name: 'saga p99 (ms)',
        type: 'line',
        showSymbol: false,
        yAxisIndex: 1,
        data: timeline.map((s) => [s.second, s.sagaP99Ms]),
      },
    ],
  });
}

/** How many sagas took how long, in equal-width buckets up to the p99.9. */
export function latencyHistogram(samples: number[]): string {
  const buckets = bucketize(samples, BUCKETS);
  return render({
    title: { text: 'Saga latency: reserve sent → CONFIRMED seen' },
    xAxis: {
      type: 'category',
      name: 'ms',
      data: buckets.map((b) => String(Math.round(b.from))),
    },
    yAxis: { type: 'value', name: 'bookings' },
    series: [{ type: 'bar', data: buckets.map((b) => b.count) }],
  });
}

export interface Bucket {
  readonly from: number;
  readonly count: number;
}

/** Equal-width buckets; the slowest 0.1 % fall into the last one. */
export function bucketize(samples: number[], count: number): Bucket[] {
  if (samples.length === 0) {
    return [];
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const top = sorted[Math.floor((sorted.length - 1) * 0.999)];
  const width = Math.max(top / count, 1);
  const counts = new Array<number>(count).fill(0);
  for (const value of sorted) {
    counts[Math.min(Math.floor(value / width), count - 1)]++;
  }
  return counts.map((n, i) => ({ from: i * width, count: n }));
}

function render(option: echarts.EChartsOption): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: WIDTH,
    height: HEIGHT,
  });
  chart.setOption({ animation: false, backgroundColor: '#fff', ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
