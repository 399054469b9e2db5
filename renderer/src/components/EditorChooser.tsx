/**
 * Who is editing (renderer/src/editors.ts):
 * - `EditorChooser`: asks once. After the first annotation made with no current
 *   editor, a small prompt in the corner (it does not take the focus, so typing goes
 *   on) offers to choose; its Choose… (or the header's editor button, or the command
 *   "Current Editor…") opens the dialog: the project's editors to pick from, or a
 *   new one (name and initials) added to the project.
 * - `EditorBadge`: the current editor's initials in the document header; a click
 *   changes them.
 */
import { useEffect, useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { editorsStore } from '../window-services';
import { useModalDialog } from '../hooks';
import '../styles/provenance.css';

function useEditors() {
  return useSyncExternalStore(editorsStore.subscribe, editorsStore.getSnapshot);
}

/** The prompt and the dialog; mounted once by the app, loading the editors of the project in `dir`. */
export function EditorChooser({ dir }: { dir: string | null }) {
  const snapshot = useEditors();
  useEffect(() => {
    void editorsStore.load(dir);
  }, [dir]);

  if (!snapshot.asking) return null;
  if (snapshot.asking === 'first') {
    return (
      <div className="editor-ask" role="status" aria-label="Who is editing">
        <span>
          Who is editing? New insertions, corrections and footnotes are credited to the editor you choose.
        </span>
        <button type="button" className="primary" onClick={editorsStore.open}>
          Choose…
        </button>
        <button type="button" className="link" onClick={editorsStore.dismiss}>
          Not now
        </button>
      </div>
    );
  }
  return <ChooserDialog />;
}

function ChooserDialog() {
  const dialog = useModalDialog();
  const { editors, current } = useEditors();
  const id = useId();
  const [picked, setPicked] = useState<string>(current?.id ?? editors[0]?.id ?? 'new');
  const [name, setName] = useState('');
  const [initials, setInitials] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (picked !== 'new') {
      editorsStore.choose(picked);
      return;
    }
    setBusy(true);
    try {
      await editorsStore.add(name, initials);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="editor-chooser"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        editorsStore.dismiss();
      }}
    >
      <form onSubmit={(e) => void submit(e)}>
        <h2 id={`${id}-title`}>Who is editing?</h2>
        <p className="field-hint">
          Your insertions, corrections and footnotes are credited to you, with the day. Remembered on this machine for this project.
        </p>
        <fieldset>
          <legend>Editor</legend>
          {editors.map((editor) => (
            <label key={editor.id}>
              <input type="radio" name="editor" value={editor.id} checked={picked === editor.id} onChange={() => setPicked(editor.id)} />
              <span className="editor-initials">{editor.initials}</span> {editor.name}
            </label>
          ))}
          <label>
            <input type="radio" name="editor" value="new" checked={picked === 'new'} onChange={() => setPicked('new')} />
            {editors.length ? 'Someone new' : 'Add yourself'}
          </label>
          {picked === 'new' && (
            <div className="editor-new">
              <label className="field">
                Name
                <input value={name} onChange={(e) => setName(e.target.value)} autoFocus required maxLength={200} />
              </label>
              <label className="field">
                Initials
                <input value={initials} onChange={(e) => setInitials(e.target.value)} required maxLength={6} size={6} />
              </label>
            </div>
          )}
        </fieldset>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={editorsStore.dismiss}>
            {current ? 'Cancel' : 'Not now'}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {picked === 'new' ? 'Add and use' : 'Use'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** The current editor in the document header; a click changes them. */
export function EditorBadge() {
  const { current, dir } = useEditors();
  if (!dir) return null;
  return (
    <button
      type="button"
      className={`editor-badge${current ? '' : ' editor-badge-none'}`}
      onClick={editorsStore.open}
      title={current ? `Editing as ${current.name}: new annotations are credited to ${current.initials} (click to change)` : 'Choose who is editing'}
    >
      {current ? current.initials : 'Who is editing?'}
    </button>
  );
}
