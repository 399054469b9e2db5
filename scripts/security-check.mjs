// Runs Electronegativity (offline) over the main process, preload and renderer page,
// and fails on any finding of level "warning" or worse. Electronegativity itself
// always exits 0, so its SARIF report is what we gate on.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
let failures = 0;
// One scan over the app's sources together, so global checks (CSP, navigation,
// permissions) see the main process and the page at once; node_modules stays out.
const work = mkdtempSync(join(tmpdir(), 'eneg-'));
const input = join(work, 'app');
for (const dir of ['electron', 'renderer']) {
  cpSync(dir, join(input, dir), { recursive: true, filter: (src) => !/\.test\.tsx?$/.test(src) });
}
{
  const out = join(work, 'report.sarif');
  execFileSync('npx', ['--no-install', 'electronegativity', '-i', input, '-o', out, '-e', electronVersion, '-v', 'false'], { stdio: ['ignore', 'ignore', 'ignore'] });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  for (const run of report.runs) {
    for (const result of run.results) {
      const where = result.locations?.[0]?.physicalLocation;
      const line = `${result.level} ${result.ruleId} ${where?.artifactLocation?.uri ?? ''}:${where?.region?.startLine ?? ''}`;
      if (result.level === 'warning' || result.level === 'error') {
        failures++;
        console.error(`security: ${line}`);
      } else {
        console.log(`security: ${line}`);
      }
    }
  }
}
if (failures) {
  console.error(`security: ${failures} finding(s) at level warning or above`);
  process.exit(1);
}
console.log('security: no warnings');
