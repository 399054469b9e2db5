// Sums the results every suite of `npm test` left in .tmp/results/ and prints the
// closing line CI reads: "N passed, N failed". Steps without a report of their own
// (typecheck, lint, build) count as one test each, passed when their marker file exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.tmp/results';
const npmStatus = Number(process.argv[3] ?? 0);
let passed = 0;
let failed = 0;
const lines = [];

for (const step of ['typecheck', 'lint', 'build']) {
  if (existsSync(join(dir, `${step}.ok`))) {
    passed++;
    lines.push(`${step}: ok`);
  } else {
    failed++;
    lines.push(`${step}: failed or not run`);
  }
}

const vitestFile = join(dir, 'vitest.json');
if (existsSync(vitestFile)) {
  const report = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0);
  lines.push(`unit: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests ?? 0} skipped`);
} else {
  failed++;
  lines.push('unit: no report');
}

const pwFile = join(dir, 'playwright.json');
if (existsSync(pwFile)) {
  const report = JSON.parse(readFileSync(pwFile, 'utf8'));
  const s = report.stats ?? {};
  passed += s.expected ?? 0;
  failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
  lines.push(`browser: ${s.expected ?? 0} passed, ${(s.unexpected ?? 0) + (s.flaky ?? 0)} failed, ${s.skipped ?? 0} skipped`);
  if ((report.errors ?? []).length) {
    failed += report.errors.length;
    lines.push(`browser: ${report.errors.length} errors outside tests`);
  }
} else {
  failed++;
  lines.push('browser: no report');
}

if (npmStatus !== 0 && failed === 0) {
  failed++;
  lines.push(`npm test exited with ${npmStatus}`);
}
for (const line of lines) console.log(`ci: ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
