// Bundles the CLI (electron/cli/main.ts and everything it uses, lowdb included)
// into one CommonJS file for plain Node: out/cli/interlinea.cjs; and beside it the
// import worker the CLI starts (electron/import/worker.ts): out/cli/import-worker.js.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCli(outDir = join(root, 'out/cli')) {
  await build({
    entryPoints: [join(root, 'electron/import/worker.ts')],
    outfile: join(outDir, 'import-worker.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    external: ['electron', 'iconv-lite'],
  });
  await build({
    entryPoints: [join(root, 'electron/cli/main.ts')],
    outfile: join(outDir, 'interlinea.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // A linked map beside the bundle (node --enable-source-maps reads it): an inline one is
    // most of the file, and Node parses it on every start.
    sourcemap: 'linked',
    logLevel: 'warning',
    // Keep packages with data files or native parts resolvable at run time.
    // tsx: only a source checkout starts the suggester's worker through it (electron/suggest/client.ts).
    external: ['electron', 'docx', 'xmlbuilder2', 'iconv-lite', 'tsx/cjs'],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli();
}
