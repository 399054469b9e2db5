/**
 * The sidebar: the project, its documents (title, date, restoration progress)
 * with a filter, files that could not be read, and project actions.
 */
import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { DocumentSummary, FileProblem } from '../../../shared/ipc/contract';
import { api } from '../api';
import { keyHint } from '../../editor/shortcuts';
import { ProgressBar, StateBadges } from './ProgressBar';

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

/** Case- and accent-insensitive match on title, date and id. */
function matches(doc: DocumentSummary, query: string): boolean {
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const haystack = fold(`${doc.title} ${doc.date} ${doc.id}`);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

function formatDate(iso: string): string {
  if (!iso) return 'undated';
  const [y, m, d] = iso.split('-').map(Number);
  if (!m) return String(y);
  const date = new Date(Date.UTC(y, m - 1, d || 1));
  return date.toLocaleDateString('en-GB', { year: 'numeric', month: 'short', ...(d ? { day: 'numeric' } : {}), timeZone: 'UTC' });
}

export function DocumentList(props: Props) {
  const { project, error, openId, unsaved, filterRef } = props;
  const [query, setQuery] = useState('');
  const [recent, setRecent] = useState<string[]>([]);

  useEffect(() => {
    api.recentProjects({}).then(setRecent, () => setRecent([]));
  }, [project?.dir]);

  const documents = useMemo(() => {
    const list = project?.documents ?? [];
    const sorted = [...list].sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999') || a.title.localeCompare(b.title));
    return query.trim() ? sorted.filter((doc) => matches(doc, query)) : sorted;
  }, [project, query]);

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
          <ul className="document-list" id="document-list">
            {documents.map((doc) => (
              <DocumentRow key={doc.id} doc={doc} current={doc.id === openId} unsaved={unsaved.includes(doc.id)} />
            ))}
          </ul>
          {!documents.length && project.documents.length > 0 && <p className="list-empty">No document matches “{query}”.</p>}
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

function DocumentRow({ doc, current, unsaved }: { doc: DocumentSummary; current: boolean; unsaved: boolean }) {
  const total = doc.witnessSegments;
  return (
    <li>
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
          <time dateTime={doc.date || undefined}>{formatDate(doc.date)}</time>
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
}
