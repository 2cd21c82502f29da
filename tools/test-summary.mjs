#!/usr/bin/env node
// Sums the reports of every test suite `./dispatch test` ran and prints one line per
// suite, then the single summary line `N passed, N failed[, N skipped]` last.
// Exits 1 when anything failed.
//
//   node tools/test-summary.mjs
//     [--setup-failed N]                                 set-up steps that failed
//     [--dotnet DIR --dotnet-exit N --dotnet-projects N] *.trx files in DIR
//     [--vitest FILE --vitest-exit N]                    vitest JSON reporter output
//     [--playwright FILE --playwright-exit N]            Playwright JSON reporter output
//
// A suite counts only when its exit code is given (it ran). A suite whose report is
// missing or unreadable, or that exited non-zero without reporting a failure (it
// crashed), counts as at least one failure, so a broken run can never look green.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i];
  if (!key.startsWith('--') || i + 1 >= process.argv.length) {
    console.error(`test-summary: bad argument ${key}`);
    process.exit(2);
  }
  args[key.slice(2)] = process.argv[i + 1];
}

const suites = [];

function add(name, exitCode, counts, problems) {
  const result = { name, passed: 0, failed: 0, skipped: 0, ...counts };
  if (exitCode !== 0 && result.failed === 0) {
    result.failed = 1;
    problems.push(`exited with code ${exitCode} without reporting a failed test`);
  }
  result.problems = problems;
  suites.push(result);
}

function readJson(file, problems) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`no readable report at ${file} (${error.code ?? error.message})`);
    return null;
  }
}

const setupFailed = Number(args['setup-failed'] ?? 0);
if (setupFailed > 0) {
  suites.push({ name: 'set-up', passed: 0, failed: setupFailed, skipped: 0, problems: ['set-up failed, suites not run'] });
}

if (args['dotnet-exit'] !== undefined) {
  const problems = [];
  const counts = { passed: 0, failed: 0, skipped: 0 };
  let files = [];
  try {
    files = readdirSync(args.dotnet).filter((f) => f.endsWith('.trx'));
  } catch {
    problems.push(`no results folder ${args.dotnet}`);
  }
  for (const file of files) {
    const xml = readFileSync(join(args.dotnet, file), 'utf8');
    const counters = /<Counters\b([^>]*)\/?>/.exec(xml);
    if (!counters) {
      problems.push(`${file} has no Counters element`);
      counts.failed += 1;
      continue;
    }
    const attr = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(counters[1])?.[1] ?? 0);
    counts.passed += attr('passed');
    counts.failed += attr('failed') + attr('error') + attr('timeout') + attr('aborted');
    counts.skipped += attr('notExecuted');
  }
  const missing = Number(args['dotnet-projects'] ?? 0) - files.length;
  if (missing > 0) {
    problems.push(`${missing} test project(s) wrote no .trx report`);
    counts.failed += missing;
  }
  add('dotnet', Number(args['dotnet-exit']), counts, problems);
}

if (args['vitest-exit'] !== undefined) {
  const problems = [];
  const report = readJson(args.vitest, problems);
  const counts = report
    ? {
        passed: report.numPassedTests ?? 0,
        failed: report.numFailedTests ?? 0,
        skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
      }
    : { failed: 1 };
  add('vitest', Number(args['vitest-exit']), counts, problems);
}

if (args['playwright-exit'] !== undefined) {
  const problems = [];
  const report = readJson(args.playwright, problems);
  const stats = report?.stats ?? {};
  const counts = report
    ? {
        passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
        failed: stats.unexpected ?? 0,
        skipped: stats.skipped ?? 0,
      }
    : { failed: 1 };
  add('e2e', Number(args['playwright-exit']), counts, problems);
}

const total = { passed: 0, failed: 0, skipped: 0 };
for (const suite of suites) {
  total.passed += suite.passed;
  total.failed += suite.failed;
  total.skipped += suite.skipped;
  const note = suite.problems.length ? ` (${suite.problems.join('; ')})` : '';
  console.log(`==> ${suite.name}: ${suite.passed} passed / ${suite.failed} failed / ${suite.skipped} skipped${note}`);
}
console.log(
  `${total.passed} passed, ${total.failed} failed` + (total.skipped > 0 ? `, ${total.skipped} skipped` : ''),
);
process.exit(total.failed > 0 ? 1 : 0);
