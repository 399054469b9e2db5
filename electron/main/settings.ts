/**
 * App settings kept in the user-data folder: recent projects and the window's
 * bounds. A damaged settings file is reported and replaced only in memory.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../store/durable-file';
import { readJsonFile } from '../store/json-file';
import { canonicalJson } from '../../shared/model/canonical-json';
import { describeIssues, type Validated } from '../../shared/model/document';

const settingsSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  recentProjects: z.array(z.string()).default([]),
  lastProject: z.string().default(''),
  window: z
    .object({ x: z.number().optional(), y: z.number().optional(), width: z.number().min(400), height: z.number().min(300), maximized: z.boolean().default(false) })
    .optional(),
});
export type AppSettings = z.infer<typeof settingsSchema>;

function validate(data: unknown): Validated<AppSettings> {
  const parsed = settingsSchema.safeParse(data);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: describeIssues(parsed.error) };
}

/** Reads and writes the app settings file in `userData`. */
export class SettingsFile {
  private data: AppSettings = settingsSchema.parse({});
  private readonly path: string;
  private damaged = false;

  constructor(userData: string) {
    this.path = join(userData, 'settings.json');
  }

  /** Loads the file; a damaged file is left alone and not written over this session. */
  async load(): Promise<string | null> {
    try {
      this.data = (await readJsonFile(this.path, validate, 'settings.json')) ?? this.data;
      return null;
    } catch (err) {
      this.damaged = true;
      return (err as Error).message;
    }
  }

  get value(): AppSettings {
    return this.data;
  }

  async update(fn: (settings: AppSettings) => void): Promise<void> {
    fn(this.data);
    if (!this.damaged) await writeFileDurable(this.path, canonicalJson(this.data));
  }

  /** Puts `dir` first in the recent projects (at most 10). */
  async touchProject(dir: string): Promise<void> {
    await this.update((s) => {
      s.recentProjects = [dir, ...s.recentProjects.filter((d) => d !== dir)].slice(0, 10);
      s.lastProject = dir;
    });
  }
}
