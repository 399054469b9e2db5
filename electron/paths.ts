/**
 * Where Interlinea's bundled resources are: found by walking up from this file,
 * so the same code works from the sources (tests, tsx), the built main process
 * (`out/main`) and the built CLI (`out/cli`).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | null = null;

/** The `resources/` folder. */
export function resourcesDir(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'samples'))) return (cached = candidate);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`Interlinea's resources folder was not found above ${__dirname}`);
}

/** The sample documents of the default project. */
export function samplesDir(): string {
  return join(resourcesDir(), 'samples');
}
