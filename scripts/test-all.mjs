#!/usr/bin/env node
// Every check a change must pass, in the order a failure is cheapest to read: Chromium present,
// build (which type-checks every project), lint, then every vitest suite (unit, server routes,
// browser journeys). Ends with one line `N passed, N failed` summed over all suites.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const run = (cmd, args, opts = {}) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', ...opts }).status ?? 1;
};

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    // Debian's Chromium (no browser can be downloaded from anywhere else here) and an Arabic font.
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-core'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium is missing at ${CHROMIUM}: install Debian's "chromium" package (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
}

const steps = [];
const step = (name, status) => {
  steps.push({ name, ok: status === 0 });
  return status === 0;
};

const built = step('build + type-check', run('pnpm', ['build']));
step('lint', run('pnpm', ['lint']));

mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
let passed = 0;
let failed = 0;
if (built) {
  const projects = process.env.TEST_PROJECTS ? ['--project', process.env.TEST_PROJECTS] : [];
  const status = run('pnpm', ['exec', 'vitest', 'run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed = json.numPassedTests;
    failed = json.numFailedTests;
    // A file that failed to load has no failed test but is a failure all the same.
    failed += json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  } else failed += 1;
  step('tests', status);
} else {
  failed += 1;
}

// In CI, a short smoke run of the benchmarks: checks the harness works and prints figures; it
// judges no budget (the budgets are read from a full `pnpm bench`). A failed run is a failed step.
if (process.env.CI === 'true' && built) step('bench smoke', run('pnpm', ['bench:smoke']));

console.log('\nSummary:');
for (const s of steps) console.log(`  ${s.ok ? 'ok  ' : 'FAIL'}  ${s.name}`);
const stepFailures = steps.filter((s) => !s.ok && s.name !== 'tests').length;
console.log(`${passed} passed, ${failed + stepFailures} failed`);
process.exit(steps.every((s) => s.ok) && failed === 0 ? 0 : 1);
