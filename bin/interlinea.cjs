#!/usr/bin/env node
// Runs the Interlinea CLI, rebuilding the bundle first when the sources are newer.
'use strict';
const { existsSync, statSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const bundle = join(root, 'out', 'cli', 'interlinea.cjs');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

function stale() {
  if (!existsSync(bundle)) return true;
  // Only a development checkout (sources and git) rebuilds: an installed copy never scans a source tree.
  if (!existsSync(join(root, 'electron')) || !existsSync(join(root, '.git'))) return false;
  const built = statSync(bundle).mtimeMs;
  return newest(join(root, 'electron')) > built || newest(join(root, 'shared')) > built;
}

if (stale()) {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('interlinea: could not build the CLI\n');
    process.exit(1);
  }
}
const { runCli, processIO } = require(bundle);
runCli(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`interlinea: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  },
);
