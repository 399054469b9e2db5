/**
 * The open document's restoration progress, in its header: the bar, and one
 * button per row state with its count. A state's button goes to the next row in
 * that state (and makes it the state that Alt+PageDown / Alt+PageUp go to); the
 * arrows go to the previous and next row in the chosen state; "Only" shows only
 * the rows in that state. Everything here is also a command with keys (F1).
 * A document without a witness has no restoration to show: nothing is drawn.
 * While the live check is still going through a long document (it checks the
 * rows on screen first), the counts are of the rows checked so far, and the bar
 * says how many are left: nothing here checks a row itself.
 */
import { useCallback } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditorController } from '../../editor/controller';
import { documentProgress, knownProgress } from '../../editor/row-states';
import { checkComplete } from '../../restore';
import { goToRowInState, rowFilterKey, setRowFilter, setRowTarget } from '../../editor/row-filter';
import { keyHint } from '../../editor/shortcuts';
import { emptyProgress, type RowState } from '../../../shared/model/stats';
import { useEditorSelector } from '../hooks';
import { ProgressBar, STATE_LOOKS } from './ProgressBar';

interface Snapshot {
  consistent: number;
  partial: number;
  contradicted: number;
  proposed: number;
  empty: number;
  witnessRows: number;
  /** Rows with a witness the live check has not reached yet. */
  pending: number;
  target: RowState;
  shown: string;
}

const NONE: Snapshot = { ...emptyProgress(), witnessRows: 0, pending: 0, target: 'contradicted', shown: '' };

function snapshot(state: EditorState): Snapshot {
  const { progress, witnessRows, pending } = checkComplete(state) ? { ...documentProgress(state.doc), pending: 0 } : knownProgress(state.doc);
  const filter = rowFilterKey.getState(state);
  return { ...progress, witnessRows, pending, target: filter?.target ?? 'contradicted', shown: filter?.shown?.join(' ') ?? '' };
}

export function RowStatesBar({ controller }: { controller: EditorController }) {
  const s = useEditorSelector(controller, snapshot, NONE);
  const run = useCallback((command: Parameters<EditorController['run']>[0]) => controller.run(command), [controller]);
  if (s.witnessRows === 0) return null;
  const progress = { consistent: s.consistent, partial: s.partial, contradicted: s.contradicted, proposed: s.proposed, empty: s.empty };
  const target = STATE_LOOKS.find((look) => look.state === s.target)!;
  const filtering = s.shown !== '';
  return (
    <div className="row-states" role="group" aria-label="Restoration progress">
      <ProgressBar progress={progress} total={s.witnessRows} />
      <span className="row-states-summary">
        {s.consistent}/{s.witnessRows} restored
        {s.pending > 0 && <span className="row-states-checking"> · checking {s.pending} more…</span>}
      </span>
      <span className="row-state-buttons">
        {STATE_LOOKS.map(({ state, symbol, label, title }) => (
          <button
            key={state}
            type="button"
            className={`row-state-button state-${state}`}
            data-state={state}
            aria-pressed={s.target === state}
            disabled={progress[state] === 0 && s.pending === 0}
            title={`${title}. Go to the next such row (then ${keyHint('nextRowInState')} / ${keyHint('previousRowInState')})`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              // While a filter is on, the chosen state is the one shown: a row of another would be hidden.
              if (filtering) run(setRowFilter([state]));
              if (!run(goToRowInState(1, state))) run(setRowTarget(state));
            }}
          >
            <span aria-hidden="true">{symbol}</span> {progress[state]} <span className="row-state-label">{label}</span>
          </button>
        ))}
      </span>
      <span className="row-nav">
        <button
          type="button"
          title={`Previous ${target.label} row (${keyHint('previousRowInState')})`}
          aria-label={`Previous ${target.label} row`}
          disabled={progress[s.target] === 0 && s.pending === 0}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => run(goToRowInState(-1))}
        >
          ▲
        </button>
        <button
          type="button"
          title={`Next ${target.label} row (${keyHint('nextRowInState')})`}
          aria-label={`Next ${target.label} row`}
          disabled={progress[s.target] === 0 && s.pending === 0}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => run(goToRowInState(1))}
        >
          ▼
        </button>
        <button
          type="button"
          className="row-filter-toggle"
          aria-pressed={filtering}
          title={filtering ? `Show every row (${keyHint('filterRows')})` : `Show only the ${target.label} rows (${keyHint('filterRows')})`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => run(setRowFilter(filtering ? null : [s.target]))}
        >
          {filtering ? `Only ${s.shown.split(' ').map((x) => STATE_LOOKS.find((l) => l.state === x)?.label ?? x).join(', ')} ✕` : `Only ${target.label}`}
        </button>
      </span>
    </div>
  );
}
