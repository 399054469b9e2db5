/**
 * A real project in a temporary folder, served by the real handlers: what unit,
 * CLI and browser tests run against.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope, HandlerTable } from '../../shared/ipc/contract';
import { createHandlers, type HandlerContext } from '../handlers';
import { ProjectStore } from '../store/project-store';
import { openOrCreateDefaultProject } from '../store/default-project';
import { fromTermbase } from '../../shared/model/project';

export interface TempProject {
  dir: string;
  store: ProjectStore;
  handlers: HandlerTable;
  close(): Promise<void>;
}

/**
 * Creates a project in a new temp folder (with the sample documents unless `samples: false`).
 * Its glossary starts empty unless `termbase: true`: tests that count glossary entries
 * should not count the starter termbase that every new project is seeded with.
 */
export async function createTempProject(
  opts: { samples?: boolean; termbase?: boolean; context?: Partial<HandlerContext> } = {},
): Promise<TempProject> {
  const dir = join(await mkdtemp(join(tmpdir(), 'interlinea-')), 'project');
  const store =
    opts.samples === false
      ? await ProjectStore.open(dir, { write: true, create: true, holder: 'test' })
      : await openOrCreateDefaultProject(dir, 'test');
  if (!opts.termbase) await store.updateProject((project) => void (project.glossary = project.glossary.filter((e) => !fromTermbase(e))));
  const handlers = createHandlers({ store: () => store, ...opts.context });
  return {
    dir,
    store,
    handlers,
    async close() {
      await store.close();
      await rm(join(dir, '..'), { recursive: true, force: true });
    },
  };
}

/** A handler's answer, or its error thrown with the handler's message (for tests). */
export function valueOf<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}
