/**
 * The sidebar: the project, its documents (title, date, restoration progress)
 * with a filter, files that could not be read, and project actions.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { DocumentSummary, FileProblem } from '../../../shared/ipc/contract';
import { shortDate } from '../../../shared/model/dates';
import { api } from '../api';
import { keyHint } from '../../editor/shortcuts';
import { ProgressBar, StateBadges } from './ProgressBar';
import { findStore } from '../hooks/use-find';
import { rowOffsets, visibleRows } from './virtual-list';

interface Props {
  project: { dir: string; name: string; documents: DocumentSummary[]; problems: FileProblem[] } | null;
  error: string | null;
  openId: string | null;
  unsaved: string[];
  filterRef: RefObject<HTMLInputElement | null>;
  onImport(): void;
  onExport(): void;
  onOpenProject(dir?: string): void;
  onNewProject(): void;
  onRetry(): void;
}

/** Folds case and accents away, for a filter that matches Zürich by typing zurich. */
function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A document with its filter text folded once, when the list arrives (not per keystroke). */
interface Entry {
  doc: DocumentSummary;
  haystack: string;
}

/** Case- and accent-insensitive match on title, date and id: every word of the query is in the haystack. */
function matches(entry: Entry, words: string[]): boolean {
  return words.every((word) => entry.haystack.includes(word));
}

/** Pixels of rows drawn above and below the view: a fast scroll finds them already there. */
const OVERSCAN = 600;
/** Row heights until a row is drawn and measured (with and without a progress bar). */
const ESTIMATE = { plain: 56, progress: 84 };

export function DocumentList(props: Props) {
  const { project, error, openId, unsaved, filterRef } = props;
  const [query, setQuery] = useState('');
  const [recent, setRecent] = useState<string[]>([]);

  useEffect(() => {
    api.recentProjects({}).then(setRecent, () => setRecent([]));
  }, [project?.dir]);

  const entries = useMemo<Entry[]>(() => {
    const list = project?.documents ?? [];
    const sorted = [...list].sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999') || a.title.localeCompare(b.title));
    return sorted.map((doc) => ({ doc, haystack: fold(`${doc.title} ${doc.date} ${doc.id}`) }));
  }, [project]);
  const documents = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    return (words.length ? entries.filter((e) => matches(e, words)) : entries).map((e) => e.doc);
  }, [entries, query]);

  return (
    <nav className="sidebar" data-region aria-label="Documents">
      <header className="sidebar-header">
        <div className="brand">
          <span className="brand-name">Interlinea</span>
          <span className="brand-ko" lang="ko">
            대역 편집기
          </span>
        </div>
        {project && (
          <div className="project-name" title={project.dir}>
            {project.name}
          </div>
        )}
        <div className="sidebar-actions">
          <button type="button" onClick={props.onImport} title="Import archive pages (or drop files on the window)">
            Import…
          </button>
          <button type="button" onClick={props.onExport} disabled={!project?.documents.length}>
            Export…
          </button>
        </div>
        <label className="filter">
          <span className="visually-hidden">Filter documents</span>
          <input
            ref={filterRef}
            type="search"
            placeholder={`Filter documents (${keyHint('findDocument')})`}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setQuery('');
              if (e.key === 'Enter' && documents[0]) window.location.hash = `#/doc/${documents[0].id}`;
            }}
            aria-controls="document-list"
          />
        </label>
      </header>

      {error && (
        <div className="problem" role="alert">
          <p>{error}</p>
          <button type="button" onClick={props.onRetry}>
            Try again
          </button>
        </div>
      )}

      {project && (
        <>
          <p className="list-count" aria-live="polite">
            {query.trim()
              ? `${documents.length} of ${project.documents.length} documents`
              : `${project.documents.length} document${project.documents.length === 1 ? '' : 's'}`}
          </p>
          <VirtualDocumentRows documents={documents} openId={openId} unsaved={unsaved} />
          {!documents.length && project.documents.length > 0 && <p className="list-empty">No document matches “{query}”.</p>}
          {query.trim() && (
            // The filter reads titles and dates; the find panel reads the documents' text.
            <button type="button" className="link list-search-text" onClick={() => findStore.openPanel('project', query.trim())}>
              Search the text of every document for “{query.trim()}” ({keyHint('findInProject')})
            </button>
          )}
          {project.problems.length > 0 && (
            <section className="problems" aria-label="Files that could not be read">
              <h2>Could not be read</h2>
              <ul>
                {project.problems.map((p) => (
                  <li key={p.file} className="problem">
                    <code>{p.file}</code>
                    <span>{p.message}</span>
                    <span className="problem-note">Left untouched on disk.</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}

      <footer className="sidebar-footer">
        <div className="sidebar-actions">
          <button type="button" onClick={() => props.onOpenProject()}>
            Open project…
          </button>
          <button type="button" onClick={props.onNewProject}>
            New project…
          </button>
        </div>
        {recent.filter((dir) => dir !== project?.dir).length > 0 && (
          <details className="recent">
            <summary>Recent projects</summary>
            <ul>
              {recent
                .filter((dir) => dir !== project?.dir)
                .slice(0, 8)
                .map((dir) => (
                  <li key={dir}>
                    <button type="button" className="link" title={dir} onClick={() => props.onOpenProject(dir)}>
                      {dir.split(/[\\/]/).filter(Boolean).pop() ?? dir}
                    </button>
                  </li>
                ))}
            </ul>
          </details>
        )}
      </footer>
    </nav>
  );
}

/**
 * The rows of the list, drawn only near the view: the sidebar scrolls, and rows more than
 * {@link OVERSCAN} pixels above or below what it shows are two spacers of their measured (or,
 * until drawn, estimated) height. A project of 10,000 documents draws a few dozen rows.
 */
function VirtualDocumentRows({ documents, openId, unsaved }: { documents: DocumentSummary[]; openId: string | null; unsaved: string[] }) {
  const listRef = useRef<HTMLUListElement>(null);
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [view, setView] = useState({ top: 0, height: 800 });

  // The view: how far the sidebar has scrolled past the list's top, and how tall it is.
  const readView = useCallback(() => {
    const list = listRef.current;
    const scroller = list?.closest('.sidebar');
    if (!list || !scroller) return;
    const top = scroller.getBoundingClientRect().top - list.getBoundingClientRect().top;
    const height = scroller.clientHeight;
    setView((v) => (Math.abs(v.top - top) < 1 && v.height === height ? v : { top, height }));
  }, []);
  useEffect(() => {
    const scroller = listRef.current?.closest('.sidebar');
    if (!scroller) return;
    readView();
    scroller.addEventListener('scroll', readView, { passive: true });
    const resize = new ResizeObserver(readView);
    resize.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', readView);
      resize.disconnect();
    };
  }, [readView]);

  const offsets = useMemo(
    () =>
      rowOffsets(documents.length, (i) => {
        const doc = documents[i] as DocumentSummary;
        return heights.get(doc.id) ?? (doc.witnessSegments > 0 && doc.progress ? ESTIMATE.progress : ESTIMATE.plain);
      }),
    [documents, heights],
  );
  const { start, end } = visibleRows(offsets, view.top, view.height, OVERSCAN);

  // Measure the rows drawn (a ResizeObserver reports each once observed, and again when it
  // changes); a height that changed moves the rows below it.
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const observer = new ResizeObserver((records) => {
      const found: [string, number][] = [];
      for (const r of records) {
        const li = r.target as HTMLLIElement;
        const h = li.offsetHeight;
        if (h > 0) found.push([li.dataset.row ?? '', h]);
      }
      setHeights((prev) => {
        const fresh = found.filter(([id, h]) => prev.get(id) !== h);
        if (!fresh.length) return prev;
        const next = new Map(prev);
        for (const [id, h] of fresh) next.set(id, h);
        return next;
      });
    });
    for (const li of list.querySelectorAll<HTMLLIElement>(':scope > li[data-row]')) observer.observe(li);
    return () => observer.disconnect();
  }, [documents, start, end]);

  const unsavedSet = useMemo(() => new Set(unsaved), [unsaved]);
  const before = offsets[start] ?? 0;
  const after = (offsets[documents.length] ?? 0) - (offsets[end] ?? 0);
  return (
    <ul className="document-list" id="document-list" ref={listRef} data-total={documents.length} data-drawn={end - start}>
      {before > 0 && <li aria-hidden="true" className="list-spacer" style={{ height: before }} />}
      {documents.slice(start, end).map((doc) => (
        <DocumentRow key={doc.id} doc={doc} current={doc.id === openId} unsaved={unsavedSet.has(doc.id)} />
      ))}
      {after > 0 && <li aria-hidden="true" className="list-spacer" style={{ height: after }} />}
    </ul>
  );
}

const DocumentRow = memo(function DocumentRow({ doc, current, unsaved }: { doc: DocumentSummary; current: boolean; unsaved: boolean }) {
  const total = doc.witnessSegments;
  return (
    <li data-row={doc.id}>
      <a
        className="document-row"
        href={`#/doc/${doc.id}`}
        aria-current={current ? 'page' : undefined}
        data-id={doc.id}
      >
        <span className="document-title">
          {doc.title || 'Untitled'}
          {unsaved && (
            <span className="unsaved-dot" title="Unsaved changes">
              <span className="visually-hidden">(unsaved changes)</span>
            </span>
          )}
        </span>
        <span className="document-meta">
          <time dateTime={doc.date || undefined}>{shortDate(doc.date)}</time>
          <span>
            {doc.segments} row{doc.segments === 1 ? '' : 's'}
          </span>
          {total > 0 && (
            <span className="progress-label" title={`${doc.restoredSegments} of ${total} rows with a witness restored`}>
              <span lang="ko">복원</span> {doc.restoredSegments}/{total}
            </span>
          )}
        </span>
        {/* A document without a witness has nothing to restore: no bar. */}
        {total > 0 && doc.progress && (
          <span className="document-progress">
            <ProgressBar progress={doc.progress} total={total} />
            <StateBadges progress={doc.progress} />
          </span>
        )}
      </a>
    </li>
  );
});
