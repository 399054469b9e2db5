/**
 * The document's save state, always visible and never in the way: saved,
 * unsaved, saving, or the error with a retry (saving also retries by itself).
 */
import type { SaveSnapshot } from '../../editor/autosave';

function time(iso: string | null): string {
  if (!iso) return '';
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function SaveIndicator({ state, onRetry }: { state: SaveSnapshot; onRetry(): void }) {
  const text =
    state.status === 'saved'
      ? state.savedAt
        ? `Saved ${time(state.savedAt)}`
        : 'Saved'
      : state.status === 'saving'
        ? 'Saving…'
        : state.status === 'unsaved'
          ? 'Unsaved changes'
          : 'Not saved';
  return (
    <div className={`save-state save-${state.status}`} role="status" aria-live="polite" data-status={state.status}>
      <span className="save-dot" aria-hidden="true" />
      <span className="save-text">{text}</span>
      {state.status === 'error' && (
        <>
          <span className="save-error" title={state.error ?? ''}>
            {state.error} — your changes are kept and saving is retried.
          </span>
          <button type="button" className="link" onClick={onRetry}>
            Retry now
          </button>
        </>
      )}
    </div>
  );
}
