import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import { latencyHistogram, throughputChart } from './charts';
import { BenchReport, toMarkdown } from './report';
import { ROOT } from './stack';

export const RESULTS = join(ROOT, 'bench', 'results');

/**
 * Writes the run as <timestamp>.json, .md and two SVG charts, and keeps
 * only the newest `keep` runs.
 */
export function saveRun(
  report: BenchReport,
  sagaSamples: number[],
  keep: number,
): string {
  mkdirSync(RESULTS, { recursive: true });
  const previous = latestRun();
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const base = join(RESULTS, stamp);
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${base}.md`, toMarkdown(report, previous));
  writeFileSync(`${base}.throughput.svg`, throughputChart(report.timeline));
  writeFileSync(`${base}.latency.svg`, latencyHistogram(sagaSamples));
  pruneRuns(keep);
  return base;
}

function runStamps(): string[] {
  return readdirSync(RESULTS)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

function latestRun(): BenchReport | undefined {
  const last = runStamps().pop();
  return last
    ? (JSON.parse(
        readFileSync(join(RESULTS, `${last}.json`), 'utf8'),
      ) as BenchReport)
    : undefined;
}

function pruneRuns(keep: number): void {
  const stale = runStamps().slice(0, -keep);
  for (const file of readdirSync(RESULTS)) {
    if (stale.some((stamp) => file.startsWith(`${stamp}.`))) {
      rmSync(join(RESULTS, file));
    }
  }
}
