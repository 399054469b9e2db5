/**
 * The draft's progress while the decoder works through the document: "Drafting
 * 12 / 48 rows", a bar, and Cancel (which stops before the next batch; what was
 * drafted stays, and undo removes it batch by batch).
 */
import { useSyncExternalStore } from 'react';
import type { DraftRunner } from '../../restore/draft-runner';
import '../styles/draft.css';

export function DraftProgress({ runner }: { runner: DraftRunner }) {
  const progress = useSyncExternalStore(runner.subscribe, runner.getProgress);
  if (!progress.running) return null;
  const label = progress.scope === 'row' ? 'Drafting the row…' : `Drafting ${progress.done} / ${progress.total} rows`;
  return (
    <div className="draft-progress" role="status" aria-live="polite">
      <span className="draft-progress-label">{label}</span>
      <progress className="draft-progress-bar" max={progress.total} value={progress.done} aria-label="Rows drafted" />
      <button type="button" className="draft-progress-cancel" onClick={() => runner.cancel()}>
        Cancel
      </button>
    </div>
  );
}
