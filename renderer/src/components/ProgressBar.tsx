/**
 * A document's restoration progress: a bar in five colours (restored, partial,
 * contradicted, proposed, empty) and the count of rows in each state, each with a
 * symbol so that colour is never the only cue. Shown in the document list and the
 * document's header; a document without a witness shows none.
 */
import type { ProgressCounts, RowState } from '../../../shared/model/stats';
import '../styles/progress.css';

/** How each state is shown, in the order of the bar. */
export const STATE_LOOKS: readonly { state: RowState; symbol: string; label: string; title: string }[] = [
  { state: 'consistent', symbol: '✓', label: 'restored', title: 'Restored: the whole witness accounted for, by accepted text' },
  { state: 'partial', symbol: '◐', label: 'partial', title: 'Partial: fits the witness so far, part of it not restored yet' },
  { state: 'contradicted', symbol: '✗', label: 'contradicted', title: 'Contradicted: some restored text cannot have produced the witness' },
  { state: 'proposed', symbol: '✎', label: 'proposed', title: 'Proposed: holds proposed text not accepted yet' },
  { state: 'empty', symbol: '○', label: 'empty', title: 'Empty: nothing restored yet' },
];

interface Props {
  progress: ProgressCounts;
  /** Rows with a witness (the bar's whole). */
  total: number;
}

/** The five-colour bar alone. */
export function ProgressBar({ progress, total }: Props) {
  const done = progress.consistent;
  return (
    <span
      className="state-bar"
      role="progressbar"
      aria-label="Rows restored"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={`${done} of ${total} rows restored`}
    >
      {STATE_LOOKS.map(({ state }) =>
        progress[state] ? <span key={state} className={`state-bar-part state-${state}`} style={{ flexGrow: progress[state] }} /> : null,
      )}
    </span>
  );
}

/** The counts as compact badges: symbol and number, the state named on hover and to screen readers. */
export function StateBadges({ progress }: { progress: ProgressCounts }) {
  return (
    <span className="state-badges">
      {STATE_LOOKS.map(({ state, symbol, label, title }) =>
        progress[state] ? (
          <span key={state} className={`state-badge state-${state}`} title={title} data-state={state}>
            <span aria-hidden="true">{symbol}</span>
            {progress[state]}
            <span className="visually-hidden"> {label}</span>
          </span>
        ) : null,
      )}
    </span>
  );
}
