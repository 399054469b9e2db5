/**
 * Document history: the open document's saved versions (the project keeps the
 * last 20 of each document, electron/store/history.ts), newest first, each with
 * a Restore button that asks to confirm. Unsaved edits are saved first, so the
 * text replaced by the restore is a version too and restoring again undoes it.
 */
import { useEffect, useState } from 'react';
import { useModalDialog } from '../hooks';
import type { DocumentVersion } from '../../../shared/ipc/contract';
import type { DocumentFile } from '../../../shared/model/document';
import { api, errorMessage } from '../api';
import type { Notice } from './Notices';
import '../styles/history.css';

interface Props {
  id: string;
  title: string;
  /** Saves what is unsaved; rejects when it could not be saved. */
  beforeRestore(): Promise<void>;
  /** The version is now the document on disk: show it. */
  onRestored(doc: DocumentFile): void;
  onClose(): void;
  notify(notice: Omit<Notice, 'id'>): void;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** When a version was saved, as a person reads it (the time it was replaced when its file cannot be read). */
export function versionLabel(version: DocumentVersion): string {
  return when.format(new Date(version.savedAt ?? version.keptAt));
}

function sizeLabel(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KB`;
}

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; versions: DocumentVersion[] };

export function HistoryDialog({ id, title, beforeRestore, onRestored, onClose, notify }: Props) {
  const dialog = useModalDialog();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [confirming, setConfirming] = useState<DocumentVersion | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.documentHistory({ id }).then(
      ({ versions }) => !cancelled && setState({ status: 'ready', versions }),
      (err) => !cancelled && setState({ status: 'error', message: errorMessage(err) }),
    );
    return () => {
      cancelled = true;
    };
  }, [id]);

  const restore = async (version: DocumentVersion) => {
    setBusy(true);
    setError(null);
    try {
      await beforeRestore();
      const restored = await api.restoreVersion({ id, version: version.version });
      onRestored(restored.doc);
      notify({ kind: 'success', text: `Restored the version of ${versionLabel(version)}. The text it replaced is kept in the history.` });
      for (const warning of restored.warnings) notify({ kind: 'error', text: warning });
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="history-dialog"
      aria-labelledby="history-title"
      onCancel={(e) => {
        e.preventDefault();
        if (busy) return;
        if (confirming) setConfirming(null);
        else onClose();
      }}
    >
      <h2 id="history-title">Document history</h2>
      <p className="history-doc">{title}</p>
      {state.status === 'loading' && <p className="field-hint">Reading the saved versions…</p>}
      {state.status === 'error' && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && !confirming && (
        <>
          {state.versions.length ? (
            <table className="history-versions">
              <caption className="field-hint">
                The last {state.versions.length === 1 ? 'saved version' : `${state.versions.length} saved versions`}, newest first. Restoring
                one keeps the current text in the history.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Saved</th>
                  <th scope="col">Title</th>
                  <th scope="col">Rows</th>
                  <th scope="col">Size</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.versions.map((version) => (
                  <tr key={version.version} className={version.problem ? 'history-damaged' : undefined} data-version={version.version}>
                    <td>{versionLabel(version)}</td>
                    {version.problem ? (
                      <td colSpan={3} className="field-error">
                        {version.problem}
                      </td>
                    ) : (
                      <>
                        <td className="history-title">{version.title}</td>
                        <td className="history-number">{version.rows}</td>
                        <td className="history-number">{sizeLabel(version.size)}</td>
                      </>
                    )}
                    <td>
                      <button
                        type="button"
                        disabled={!!version.problem || busy}
                        aria-label={`Restore the version of ${versionLabel(version)}…`}
                        onClick={() => setConfirming(version)}
                      >
                        Restore…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="field-hint">No earlier versions yet: each save keeps the version it replaces here (the last 20).</p>
          )}
        </>
      )}
      {confirming && (
        <div className="history-confirm" role="group" aria-labelledby="history-confirm-text">
          <p id="history-confirm-text">
            Restore the version of <strong>{versionLabel(confirming)}</strong>
            {confirming.title && confirming.title !== title ? <> (titled “{confirming.title}”)</> : null}? It replaces the current text, which
            is kept in the history: restoring again undoes this.
          </p>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        {confirming ? (
          <>
            <button type="button" onClick={() => setConfirming(null)} disabled={busy}>
              Back
            </button>
            <button type="button" className="primary" onClick={() => void restore(confirming)} disabled={busy} autoFocus>
              {busy ? 'Restoring…' : 'Restore'}
            </button>
          </>
        ) : (
          <button type="button" onClick={onClose} disabled={busy}>
            Close
          </button>
        )}
      </div>
    </dialog>
  );
}
