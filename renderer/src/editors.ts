/**
 * Who is editing: the project's editors (settings.editors in project.json, read and
 * added through `projectEditors`) and the current editor of this window.
 *
 * The current editor is remembered per machine and user, per project, in the
 * window's localStorage (kept in Electron's user-data folder, like the last document
 * opened: navigation.ts), not in project.json: a project is shared by several people
 * through one folder or git, and "who sits at this machine" written into the shared
 * file would be whoever saved last. The list of editors is the project's, so every
 * machine shows the same initials for the same person.
 *
 * The app asks once: the first time an annotation is made in a project with no
 * current editor on this machine (the editor's provenance plugin says so,
 * `onUnstamped`), the EditorChooser dialog opens; its answer is remembered, and the
 * day's unrecorded annotations of the open document are credited to the editor
 * chosen (`onChosen`). "Not now" stops asking until the window is reloaded.
 */
import type { ProjectEditor } from '../../shared/model/project';
import { Listeners } from '../editor/listeners';
import type { Api } from './api';

/** Why the chooser is open: asked by the first annotation, or opened by the user to change. */
export type ChooserReason = 'first' | 'change';

export interface EditorsSnapshot {
  dir: string | null;
  editors: readonly ProjectEditor[];
  current: ProjectEditor | null;
  /** Open when not null. */
  asking: ChooserReason | null;
}

function currentKey(dir: string): string {
  return `interlinea:editor:${dir}`;
}

export class EditorsStore {
  private snapshot: EditorsSnapshot = { dir: null, editors: [], current: null, asking: null };
  private readonly listeners = new Listeners();
  private readonly chosen = new Set<(id: string) => void>();
  private dismissed = false;
  private loading: Promise<void> | null = null;

  constructor(private readonly api: () => Api | null) {}

  subscribe = this.listeners.subscribe;

  getSnapshot = (): EditorsSnapshot => this.snapshot;

  /** The current editor's id, or null (the editor's provenance plugin asks this). */
  currentId = (): string | null => this.snapshot.current?.id ?? null;

  /** Reads the project's editors and this machine's current editor for the project in `dir`. */
  load(dir: string | null): Promise<void> {
    if (dir === this.snapshot.dir && this.loading) return this.loading;
    this.dismissed = false;
    this.set({ dir, editors: [], current: null, asking: null });
    const api = this.api();
    if (!dir || !api) return Promise.resolve();
    this.loading = api.projectEditors({}).then(
      ({ editors }) => {
        if (this.snapshot.dir !== dir) return;
        const remembered = localStorage.getItem(currentKey(dir));
        this.set({ ...this.snapshot, editors, current: editors.find((e) => e.id === remembered) ?? null });
      },
      () => undefined, // No editors known: the chooser asks when needed and reports its own errors.
    );
    return this.loading;
  }

  /** Something was made with no current editor: ask, unless asked and put off already. */
  askFirst = (): void => {
    if (this.snapshot.current || this.snapshot.asking || this.dismissed || !this.snapshot.dir) return;
    this.set({ ...this.snapshot, asking: 'first' });
  };

  /** Opens the chooser to change the current editor. */
  open = (): void => {
    if (!this.snapshot.dir) return;
    this.set({ ...this.snapshot, asking: 'change' });
  };

  /** Closes the chooser without choosing ("Not now": no more asking in this window while none is chosen). */
  dismiss = (): void => {
    if (!this.snapshot.current) this.dismissed = true;
    this.set({ ...this.snapshot, asking: null });
  };

  /** Makes `id` the current editor of this machine for the project. */
  choose = (id: string): void => {
    const { dir, editors } = this.snapshot;
    const editor = editors.find((e) => e.id === id);
    if (!dir || !editor) return;
    localStorage.setItem(currentKey(dir), id);
    this.set({ ...this.snapshot, current: editor, asking: null });
    for (const listener of this.chosen) listener(id);
  };

  /** Adds an editor to the project and makes them current; throws the app's message when refused. */
  async add(name: string, initials: string): Promise<ProjectEditor> {
    const api = this.api();
    if (!api) throw new Error('Not connected to the app');
    const { editors, added } = await api.projectEditors({ add: { name, initials } });
    this.set({ ...this.snapshot, editors });
    if (!added) throw new Error('The editor was not added');
    this.choose(added.id);
    return added;
  }

  /** Listens to an editor being chosen (the open document credits its unrecorded work). */
  onChosen(listener: (id: string) => void): () => void {
    this.chosen.add(listener);
    return () => this.chosen.delete(listener);
  }

  private set(next: EditorsSnapshot): void {
    this.snapshot = next;
    this.listeners.emit();
  }
}
