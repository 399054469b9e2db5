/**
 * The find and replace panel: the pattern and its options (case, whole word,
 * regular expression; where to look), the replacement, and the matches listed
 * with their context and counts per document before anything changes. The open
 * document's matches are its editor's (live, whatever rows are drawn); the
 * other documents' come from the project search in pages, with progress.
 *
 * Keys: Enter next, Shift+Enter previous (F3 / Shift+F3 anywhere); in the
 * replacement Enter replaces this match, Ctrl+Enter every match of the document
 * (or of the project, when searching the project); Esc closes.
 */
import { useLayoutEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { ProjectSearchDocument } from '../../../shared/ipc/contract';
import { countHits, describePlace, SCOPE_LABELS, SEARCH_SCOPES, type HitCounts, type SearchHit, type SearchScope } from '../../../shared/search';
import type { EditorController } from '../../editor/controller';
import { findState } from '../../editor/find';
import { keyHint } from '../../editor/shortcuts';
import { useEditorSelector } from '../hooks';
import { findStore, useFind, type FindSnapshot } from '../hooks/use-find';
import '../styles/find.css';

/** Matches listed per document (the counts are always whole). */
const LISTED = 100;

const COUNT_PARTS: [keyof HitCounts, string][] = [
  ['english', 'English'],
  ['korean', 'Korean'],
  ['original', 'original'],
  ['notes', 'notes'],
  ['witness', 'witness'],
  ['meta', 'metadata'],
];

function breakdown(counts: HitCounts): string {
  const parts = COUNT_PARTS.filter(([key]) => counts[key]).map(([key, label]) => `${label} ${counts[key]}`);
  return parts.length > 1 ? parts.join(' · ') : '';
}

export function FindPanel() {
  const find = useFind();
  // The open document (registered by its pane); `find.targetId` changes when another opens.
  const target = find.targetId ? findStore.currentTarget() : null;
  const controller = target?.controller ?? null;
  const title = target?.getMeta().title ?? '';
  const { options } = find;
  const findInput = useRef<HTMLInputElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);

  useLayoutEffect(() => {
    const input = find.focus.field === 'replace' ? replaceInput.current : findInput.current;
    input?.focus();
    input?.select();
  }, [find.focus]);

  const local = useOpenDocumentHits(controller, find);
  const searching = !!options.pattern && !find.error;
  const others = (find.project?.documents ?? []).filter((d) => d.id !== find.targetId);
  const projectTotal = others.reduce((n, d) => n + d.counts.total, 0) + (local?.counts.total ?? 0);
  const projectDocs = others.length + (local?.counts.total ? 1 : 0);

  const onFindKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      findStore.next(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      findStore.close();
    }
  };
  const onReplaceKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (options.area === 'project') void findStore.replaceInProject();
      else if (find.targetId) void findStore.replaceInDocument(find.targetId);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      findStore.replaceOne();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      findStore.close();
    }
  };

  const summary = !options.pattern
    ? 'Type what to find.'
    : find.error
      ? ''
      : [
          find.targetId && local
            ? `${local.current >= 0 ? `${local.current + 1} of ` : ''}${local.counts.total} in this document`
            : find.targetId
              ? ''
              : 'No document open',
          options.area === 'project' && find.project
            ? `${projectTotal} in ${projectDocs} document${projectDocs === 1 ? '' : 's'}${find.project.running ? ` (searched ${find.project.scanned} of ${find.project.total}…)` : ''}`
            : '',
        ]
          .filter(Boolean)
          .join(' · ');

  return (
    <aside className="find-panel" aria-label="Find and replace" data-region>
      <div className="find-head">
        <h2>{find.replace ? 'Find and replace' : 'Find'}</h2>
        <button
          type="button"
          className="find-toggle"
          aria-pressed={find.replace}
          aria-label="Show the replacement"
          onClick={() => findStore.setReplace(!find.replace)}
          title={`Show or hide the replacement (${keyHint('replace')})`}
        >
          Replace
        </button>
        <button type="button" className="find-close" onClick={() => findStore.close()} aria-label="Close find (Esc)" title="Close (Esc)">
          ×
        </button>
      </div>
      <div className="find-row">
        <label className="visually-hidden" htmlFor="find-input">
          Find
        </label>
        <input
          id="find-input"
          ref={findInput}
          type="text"
          placeholder="Find"
          value={options.pattern}
          onChange={(e) => findStore.update({ pattern: e.target.value })}
          onKeyDown={onFindKey}
          aria-invalid={!!find.error || undefined}
          aria-describedby={find.error ? 'find-error' : undefined}
          spellCheck={false}
          autoComplete="off"
        />
        <Toggle on={options.caseSensitive} label="Match case" onClick={() => findStore.update({ caseSensitive: !options.caseSensitive })}>
          Aa
        </Toggle>
        <Toggle on={options.wholeWord} label="Whole words" onClick={() => findStore.update({ wholeWord: !options.wholeWord })}>
          ab
        </Toggle>
        <Toggle on={options.regex} label="Regular expression" onClick={() => findStore.update({ regex: !options.regex })}>
          .*
        </Toggle>
        <button type="button" onClick={() => findStore.next(-1)} aria-label="Previous match (Shift+F3)" title="Previous match (Shift+F3)" disabled={!searching}>
          ↑
        </button>
        <button type="button" onClick={() => findStore.next(1)} aria-label="Next match (F3)" title="Next match (F3)" disabled={!searching}>
          ↓
        </button>
      </div>
      {find.error && (
        <p id="find-error" className="find-error" role="alert">
          {find.error}
        </p>
      )}
      {find.replace && (
        <div className="find-row">
          <label className="visually-hidden" htmlFor="replace-input">
            Replace with
          </label>
          <input
            id="replace-input"
            ref={replaceInput}
            type="text"
            placeholder={options.regex ? 'Replace with ($1, $<name>, $&)' : 'Replace with'}
            value={options.replacement}
            onChange={(e) => findStore.update({ replacement: e.target.value })}
            onKeyDown={onReplaceKey}
            spellCheck={false}
            autoComplete="off"
          />
          <label className="find-check" title="Each replacement becomes a correction: the source’s reading is kept (hover, Corrections panel, exports)">
            <input type="checkbox" checked={options.asCorrection} onChange={(e) => findStore.update({ asCorrection: e.target.checked })} />
            as correction
          </label>
        </div>
      )}
      <div className="find-row find-scope-row">
        <label>
          In{' '}
          <select value={options.scope} onChange={(e) => findStore.update({ scope: e.target.value as SearchScope })}>
            {SEARCH_SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {SCOPE_LABELS[scope]}
              </option>
            ))}
          </select>
        </label>
        <span role="radiogroup" aria-label="Search" className="find-area">
          <label>
            <input type="radio" name="find-area" checked={options.area === 'document'} onChange={() => findStore.update({ area: 'document' })} />
            This document
          </label>
          <label>
            <input type="radio" name="find-area" checked={options.area === 'project'} onChange={() => findStore.update({ area: 'project' })} />
            All documents
          </label>
        </span>
      </div>
      {find.replace && searching && (
        <div className="find-row find-actions">
          <button type="button" onClick={() => findStore.replaceOne()} disabled={!local?.counts.total || !!find.busy} title="Replace this match and go to the next (Enter)">
            Replace
          </button>
          <button
            type="button"
            onClick={() => find.targetId && void findStore.replaceInDocument(find.targetId)}
            disabled={!local?.counts.total || !!find.busy}
            title="Replace every match of this document: one undo step"
          >
            All in document
          </button>
          {options.area === 'project' && (
            <button type="button" onClick={() => void findStore.replaceInProject()} disabled={!projectTotal || !!find.busy || !!find.project?.running} title="Replace every match of every document listed (Ctrl+Enter)">
              All in project ({projectTotal})
            </button>
          )}
        </div>
      )}
      <p className="find-summary" aria-live="polite">
        {summary}
      </p>
      {options.area === 'project' && find.project?.running && (
        <progress className="find-progress" max={find.project.total || 1} value={find.project.scanned} aria-label="Documents searched" />
      )}
      {find.busy && <p className="find-status">{find.busy}</p>}
      {find.status && (
        <p className="find-status" role="status">
          {find.status}
        </p>
      )}
      {searching && (
        <ol className="find-results" aria-label="Matches by document">
          {find.targetId && local && local.counts.total > 0 && (
            <DocumentResults id={find.targetId} title={`${title || 'Untitled'} (open)`} counts={local.counts} hits={local.hits} current={local.current} replace={find.replace} />
          )}
          {options.area === 'project' &&
            others.map((d: ProjectSearchDocument) => (
              <DocumentResults key={d.id} id={d.id} title={d.title || 'Untitled'} counts={d.counts} hits={d.hits} current={-1} replace={find.replace} />
            ))}
        </ol>
      )}
      {options.area === 'project' && (find.project?.problems.length ?? 0) > 0 && (
        <p className="find-status">Not searched (could not be read): {find.project!.problems.map((p) => p.file).join(', ')}</p>
      )}
    </aside>
  );
}

function Toggle({ on, label, onClick, children }: { on: boolean; label: string; onClick(): void; children: ReactNode }) {
  return (
    <button type="button" className="find-option" aria-pressed={on} aria-label={label} title={label} onClick={onClick}>
      {children}
    </button>
  );
}

/** The open document's matches: its metadata's (from the form) and its body's (the editor's find plugin). */
function useOpenDocumentHits(controller: EditorController | null, find: FindSnapshot): { hits: SearchHit[]; counts: HitCounts; current: number } | null {
  const body = useEditorSelector(
    controller ?? DETACHED,
    (state) => {
      const f = findState(state);
      return { hits: f?.hits ?? NO_HITS, current: f?.current ?? -1 };
    },
    { hits: NO_HITS, current: -1 },
  );
  // Metadata matches: read again when the query or the document's matches change.
  const meta = useMemo(() => (controller ? findStore.metaHits() : []), [controller, find.options, find.replace, body.hits]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!controller || !find.options.pattern || find.error) return null;
  const hits = [...meta, ...body.hits];
  return { hits, counts: countHits(hits), current: body.current >= 0 ? body.current + meta.length : -1 };
}

const NO_HITS: readonly SearchHit[] = [];
// A stand-in when no document is open (hooks are called unconditionally).
const DETACHED = { subscribe: () => () => undefined, getState: () => null } as unknown as EditorController;

function DocumentResults(props: { id: string; title: string; counts: HitCounts; hits: readonly SearchHit[]; current: number; replace: boolean }) {
  const { id, title, counts, hits, current, replace } = props;
  const detail = breakdown(counts);
  return (
    <li className="find-doc" data-id={id}>
      <div className="find-doc-head">
        <span className="find-doc-title">{title}</span>
        <span className="tab-count" aria-label={`${counts.total} matches`}>
          {counts.total}
        </span>
        {replace && (
          <button type="button" className="link" onClick={() => void findStore.replaceInDocument(id)} title="Replace every match of this document">
            Replace all here
          </button>
        )}
      </div>
      {detail && <div className="find-doc-counts">{detail}</div>}
      <ul className="find-hits">
        {hits.slice(0, LISTED).map((hit, i) => (
          <li key={`${hit.place.kind}-${hit.from}-${i}`}>
            <button type="button" className="find-hit" aria-current={i === current || undefined} onClick={() => findStore.goToHit(id, hit)} disabled={hit.place.kind === 'meta'}>
              <span className="find-where">{describePlace(hit.place)}</span>
              <span className="find-context" lang={hit.place.kind === 'witness' || ('column' in hit.place && hit.place.column === 'korean') ? 'ko' : undefined}>
                {hit.before}
                <mark>{hit.text}</mark>
                {replace && hit.replacement !== undefined && <ins>{hit.replacement}</ins>}
                {hit.after}
              </span>
            </button>
          </li>
        ))}
        {hits.length > LISTED && <li className="find-more">and {counts.total - LISTED} more</li>}
        {hits.length < counts.total && hits.length <= LISTED && <li className="find-more">and {counts.total - hits.length} more</li>}
      </ul>
    </li>
  );
}
