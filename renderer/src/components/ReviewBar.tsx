/**
 * The rows' review state, under the document header: the state of the row the
 * caret is in (or of the rows the selection touches) with a button per state to
 * set it (also commands with keys: F1), the counts, and a filter that shows only
 * rows in the chosen review states (row-filter.ts, together with the restoration
 * filter).
 */
import type { EditorState } from 'prosemirror-state';
import type { EditorController } from '../../editor/controller';
import { reviewCounts, reviewOf, setRowReview } from '../../editor/review';
import { rowFilterKey, setReviewFilter } from '../../editor/row-filter';
import { keyHint } from '../../editor/shortcuts';
import { REVIEW_STATES, type ReviewState } from '../../../shared/model/schema';
import { shallowEqual, useEditorSelector } from '../hooks';
import type { CommandId } from '../../../shared/commands';
import '../styles/provenance.css';

interface Snapshot {
  here: ReviewState | 'mixed';
  draft: number;
  reviewed: number;
  approved: number;
  filter: string;
}

const NONE: Snapshot = { here: 'draft', draft: 0, reviewed: 0, approved: 0, filter: '' };

function snapshot(state: EditorState): Snapshot {
  const { doc, selection } = state;
  const first = doc.resolve(selection.from).index(0);
  const last = Math.min(doc.resolve(selection.to).index(0), doc.childCount - 1);
  const seen = new Set<ReviewState>();
  for (let i = first; i <= last; i++) seen.add(reviewOf(doc.child(i)));
  const here = seen.size === 1 ? [...seen][0] : 'mixed';
  return { here, ...reviewCounts(doc), filter: rowFilterKey.getState(state)?.reviews?.join(' ') ?? '' };
}

const LABELS: Record<ReviewState, string> = { draft: 'Draft', reviewed: 'Reviewed', approved: 'Approved' };
const COMMANDS: Record<ReviewState, CommandId> = { draft: 'reviewDraft', reviewed: 'reviewReviewed', approved: 'reviewApproved' };

/** The filter's choices: every row, one state, or not yet approved. */
const FILTERS: { value: string; label: string; states: ReviewState[] | null }[] = [
  { value: '', label: 'All rows', states: null },
  { value: 'draft', label: 'Draft only', states: ['draft'] },
  { value: 'reviewed', label: 'Reviewed only', states: ['reviewed'] },
  { value: 'approved', label: 'Approved only', states: ['approved'] },
  { value: 'draft reviewed', label: 'Not yet approved', states: ['draft', 'reviewed'] },
];

export function ReviewBar({ controller }: { controller: EditorController }) {
  const s = useEditorSelector(controller, snapshot, NONE, shallowEqual);
  return (
    <div className="review-bar" role="group" aria-label="Row review">
      <span className="review-bar-label">Row review</span>
      <span className="review-buttons">
        {REVIEW_STATES.map((review) => (
          <button
            key={review}
            type="button"
            className={`review-button review-${review}`}
            aria-pressed={s.here === review}
            title={`Mark the selected rows ${LABELS[review].toLowerCase()} (${keyHint(COMMANDS[review])})`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => controller.run(setRowReview(review))}
          >
            {LABELS[review]} <span className="review-count">{s[review]}</span>
          </button>
        ))}
      </span>
      <label className="review-filter">
        Show
        <select
          value={s.filter}
          aria-label="Show rows by review state"
          onChange={(e) => controller.run(setReviewFilter(FILTERS.find((f) => f.value === e.target.value)?.states ?? null), false)}
        >
          {FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
