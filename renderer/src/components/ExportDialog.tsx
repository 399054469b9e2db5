/**
 * Export: this document or the whole project, in a format, with the options the
 * exporters understand; saved where the user chooses. Unsaved edits are saved
 * first so the export has them.
 */
import { useState } from 'react';
import { useModalDialog } from '../hooks';
// Types only: the renderer does not bundle the exporters' validation library.
import type { ExportFormat } from '../../../shared/export/options';
import type { DocumentSummary } from '../../../shared/ipc/contract';
import { api, errorMessage } from '../api';
import type { Notice } from './Notices';

/** Every format (the type makes this list complete). */
const FORMAT_LABELS: Record<ExportFormat, string> = {
  tei: 'TEI XML',
  html: 'HTML',
  md: 'Markdown',
  docx: 'Word (DOCX)',
  pdf: 'PDF',
  txt: 'Plain text',
};

interface Props {
  documents: DocumentSummary[];
  currentId: string | null;
  beforeExport(): Promise<void>;
  onClose(): void;
  notify(notice: Omit<Notice, 'id'>): void;
}

export function ExportDialog({ documents, currentId, beforeExport, onClose, notify }: Props) {
  const dialog = useModalDialog();
  const [scope, setScope] = useState<'current' | 'all'>(currentId ? 'current' : 'all');
  const [format, setFormat] = useState<ExportFormat>('html');
  const [english, setEnglish] = useState(true);
  const [korean, setKorean] = useState(true);
  const [brackets, setBrackets] = useState(true);
  const [pageSize, setPageSize] = useState<'A4' | 'Letter'>('A4');
  const [witness, setWitness] = useState(false);
  const [original, setOriginal] = useState(false);
  const [corrections, setCorrections] = useState<'noted' | 'silent' | 'original'>('noted');
  const [unverified, setUnverified] = useState<'mark' | 'omit'>('mark');
  const [notes, setNotes] = useState<'page' | 'foot' | 'end'>('page');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await beforeExport();
      let ids = scope === 'current' && currentId ? [currentId] : documents.map((d) => d.id);
      let leftOut: { file: string; message: string }[] = [];
      if (scope === 'all') {
        // Read the list afresh: a file damaged since the list was drawn is left out, and the user told.
        const listed = await api.listDocuments({});
        ids = listed.documents.map((d) => d.id);
        leftOut = listed.problems;
      }
      const result = await api.exportEdition({
        ids,
        format,
        options: {
          columns: { english, korean, original },
          witness,
          corrections,
          brackets,
          pageSize,
          editionTitle: '',
          unverified,
          notes,
        },
      });
      const saved = await api.saveExport({ suggestedName: result.fileName, bytes: result.bytes as Uint8Array<ArrayBuffer> });
      if (saved.path) notify({ kind: 'success', text: `Exported to ${saved.path}` });
      if (saved.path && leftOut.length) {
        notify({
          kind: 'error',
          text:
            `Left out of the edition: ${leftOut.length} damaged document${leftOut.length === 1 ? '' : 's'} (` +
            leftOut.map((p) => `${p.file}: ${p.message}`).join('; ') +
            ')',
        });
      }
      if (saved.path) for (const warning of result.warnings ?? []) notify({ kind: 'info', text: warning });
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="export-dialog"
      aria-labelledby="export-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <h2 id="export-title">Export</h2>
        <fieldset>
          <legend>What</legend>
          <label>
            <input type="radio" name="scope" checked={scope === 'current'} disabled={!currentId} onChange={() => setScope('current')} />
            This document
          </label>
          <label>
            <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            All {documents.length} documents as one edition
          </label>
        </fieldset>
        <label className="field">
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Include</legend>
          <label>
            <input type="checkbox" checked={english} onChange={(e) => setEnglish(e.target.checked)} /> English translation
          </label>
          <label>
            <input type="checkbox" checked={korean} onChange={(e) => setKorean(e.target.checked)} /> Korean restoration
          </label>
          <label>
            <input type="checkbox" checked={witness} onChange={(e) => setWitness(e.target.checked)} /> Witness (garbled Korean)
          </label>
          <label>
            <input type="checkbox" checked={original} onChange={(e) => setOriginal(e.target.checked)} /> Original-language text
          </label>
        </fieldset>
        <label className="field">
          Corrections
          <select value={corrections} onChange={(e) => setCorrections(e.target.value as typeof corrections)}>
            <option value="noted">Corrected, with the source’s reading noted</option>
            <option value="silent">Corrected, silently</option>
            <option value="original">As in the source</option>
          </select>
        </label>
        <label className="field">
          Korean not verified against the witness
          <select value={unverified} onChange={(e) => setUnverified(e.target.value as typeof unverified)}>
            <option value="mark">Marked with its state (explained in the legend)</option>
            <option value="omit">Left out (only the sign of its state shows)</option>
          </select>
        </label>
        <label className="field">
          <span>
            <input type="checkbox" checked={brackets} onChange={(e) => setBrackets(e.target.checked)} /> Brackets around editorial insertions
          </span>
        </label>
        {format === 'pdf' && (
          <label className="field">
            Page size
            <select value={pageSize} onChange={(e) => setPageSize(e.target.value as 'A4' | 'Letter')}>
              <option value="A4">A4</option>
              <option value="Letter">US Letter</option>
            </select>
          </label>
        )}
        {format === 'pdf' && (
          <label className="field">
            Footnotes
            <select value={notes} onChange={(e) => setNotes(e.target.value as typeof notes)}>
              <option value="page">At the foot of the page where they are called</option>
              <option value="foot">Under the row that calls them</option>
              <option value="end">At the end of each document</option>
            </select>
          </label>
        )}
        {busy && <progress className="export-progress" aria-label="Exporting" />}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || (!documents.length && !currentId) || (!english && !korean && !original)}>
            {busy ? 'Exporting…' : 'Export…'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
