#!/usr/bin/env node
// The one test command (`npm test`): static checks, then unit, integration,
// end-to-end, Swarm and browser tests, stopping at the first failure. Ends
// with one "N passed, N failed" line over every Jest test it ran.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-output');
mkdirSync(results, { recursive: true });

const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' };
let passed = 0;
let failed = 0;

const steps = [
  ['format', 'npx', ['prettier', '--check', '.']],
  // The module-boundary rule reads Nx's project graph, and skips itself
  // when none is cached yet, as on a fresh clone.
  ['project graph', 'npx', ['nx', 'show', 'projects']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['build', 'npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static']],
  jest('unit', 'jest.unit.config.cjs'),
  jest('integration', 'jest.integration.config.cjs'),
  jest('e2e', 'jest.e2e.config.cjs'),
  // A one-node swarm, made for the run and left again afterwards.
  jest('swarm', 'jest.swarm.config.cjs'),
  // The browser tests drive Debian's Chromium; installed here when missing.
  ['chromium', 'bash', ['tools/ensure-chromium.sh']],
  jest('browser', 'jest.browser.config.cjs'),
];

for (const [name, command, args, report] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  if (report) {
    rmSync(report, { force: true }); // An old run's report proves nothing.
  }
  const run = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  // Jest can end with 0 having run nothing (a global setup whose awaited
  // work left no handle open); only its report says the tests really ran.
  const ran = report ? count(report) : true;
  const ok = run.status === 0 && ran;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`=== ${name}: ${ok ? 'ok' : 'FAILED'} in ${seconds}s ===`);
  if (!ok) {
    summarize();
    process.exit(run.status || 1);
  }
}
summarize();

function jest(name, config) {
  const report = join(results, `${name}.json`);
  return [
    name,
    'npx',
    ['jest', '-c', config, '--json', `--outputFile=${report}`],
    report,
  ];
}

/** Adds a step's report to the totals; false when there is none. */
function count(report) {
  try {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
    return summary.numTotalTests > 0 && summary.numFailedTests === 0;
  } catch {
    failed += 1; // No report: the runner itself failed.
    return false;
  }
}

function summarize() {
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
}
