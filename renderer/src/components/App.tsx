/**
 * The workbench window: the project's document list beside the open document.
 * Owns the project state, routing (`#/doc/<id>`), saving across documents, menu
 * commands, drag-and-drop import and the app-wide shortcuts.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { DocumentFile } from '../../../shared/model/document';
import type { DocumentSummary, FileProblem } from '../../../shared/ipc/contract';
import { restorationCounts } from '../../../shared/model/stats';
import { api, errorMessage, hasBridge } from '../api';
import { isMenuCommand } from '../menu-commands';
import { SaveRegistry, type SavePayload } from '../save-registry';
import { DocumentList } from './DocumentList';
import { DocumentPane, type DocumentPaneHandle } from './DocumentPane';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { ExportDialog } from './ExportDialog';
import { DropImport } from './DropImport';
import { Notices, useNotices } from './Notices';

interface ProjectState {
  dir: string;
  name: string;
  documents: DocumentSummary[];
  problems: FileProblem[];
}

type OpenDocument =
  | { status: 'none' }
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; doc: DocumentFile }
  | { status: 'error'; id: string; message: string };

function idFromHash(): string | null {
  const match = /^#\/doc\/([a-z0-9][a-z0-9-]*)$/.exec(window.location.hash);
  return match ? match[1] : null;
}

function lastDocumentKey(dir: string): string {
  return `interlinea:lastDocument:${dir}`;
}

export function App() {
  const [project, setProject] = useState<ProjectState | null>(null);
  const [projectError, setProjectError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(() => idFromHash());
  const [open, setOpen] = useState<OpenDocument>({ status: 'none' });
  const [showHelp, setShowHelp] = useState(false);
  const [exporting, setExporting] = useState(false);
  const { notices, notify, dismiss } = useNotices();
  const pane = useRef<DocumentPaneHandle | null>(null);
  const filterRef = useRef<HTMLInputElement | null>(null);

  const onSaved = useCallback((payload: SavePayload) => {
    const counts = restorationCounts(payload.body);
    setProject((current) =>
      current && {
        ...current,
        documents: current.documents.map((d) =>
          d.id === payload.id ? { ...d, title: payload.meta.title, date: payload.meta.date, ...counts } : d,
        ),
      },
    );
  }, []);
  const registry = useMemo(
    () => new SaveRegistry((payload) => api.saveDocument(payload).then((result) => (onSaved(payload), result))),
    [onSaved],
  );
  useSyncExternalStore(registry.subscribe, registry.getVersion);

  const loadProject = useCallback(async () => {
    if (!hasBridge()) {
      setProjectError('This window is not connected to the Interlinea app.');
      return null;
    }
    try {
      const [info, list] = await Promise.all([api.projectInfo(), api.listDocuments()]);
      const problems = [...list.problems];
      for (const p of info.problems) if (!problems.some((q) => q.file === p.file)) problems.push(p);
      const next = { dir: info.dir, name: info.name, documents: list.documents, problems };
      setProject(next);
      setProjectError(null);
      return next;
    } catch (err) {
      setProjectError(errorMessage(err));
      return null;
    }
  }, []);

  // First load, and the remembered document of this project when the URL names none.
  useEffect(() => {
    void loadProject().then((loaded) => {
      if (!loaded || idFromHash()) return;
      const last = localStorage.getItem(lastDocumentKey(loaded.dir));
      if (last && loaded.documents.some((d) => d.id === last)) window.location.hash = `#/doc/${last}`;
    });
  }, [loadProject]);

  useEffect(() => {
    const onHash = () => setOpenId(idFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Load the document the URL names: unsaved content first, else the file.
  useEffect(() => {
    if (!openId) {
      setOpen({ status: 'none' });
      return;
    }
    const pending = registry.pending(openId);
    if (pending) {
      setOpen((current) =>
        current.status === 'ready' && current.id === openId
          ? current
          : { status: 'ready', id: openId, doc: pendingDocument(pending) },
      );
      return;
    }
    let cancelled = false;
    setOpen({ status: 'loading', id: openId });
    api.getDocument({ id: openId }).then(
      (doc) => !cancelled && setOpen({ status: 'ready', id: openId, doc }),
      (err) => !cancelled && setOpen({ status: 'error', id: openId, message: errorMessage(err) }),
    );
    return () => {
      cancelled = true;
    };
  }, [openId, registry]);

  useEffect(() => {
    if (project && open.status === 'ready') localStorage.setItem(lastDocumentKey(project.dir), open.id);
  }, [project, open]);

  // Save on leaving: blur, hiding, closing.
  useEffect(() => {
    const flush = () => void registry.flushAll();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    let closing = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isElectron() || closing || !registry.unsaved().length) {
        flush();
        return;
      }
      // In the app, closing (or quitting) with unsaved edits waits for the save:
      // Electron cancels the close silently (no dialog), the save runs, then the
      // window closes itself. If the save fails, the window stays open, edits kept.
      event.preventDefault();
      event.returnValue = '';
      closing = true;
      void registry.flushAll().then(() => {
        if (!registry.unsaved().length) window.close();
        else {
          closing = false;
          notify({ kind: 'error', text: 'The window stays open: some changes could not be saved yet (see the save state). Saving is retried.' });
        }
      });
    };
    window.addEventListener('blur', flush);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', flush);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [registry, notify]);

  const importResult = useCallback(
    async (imported: { id: string; title: string }[]) => {
      if (!imported.length) return;
      await loadProject();
      notify({
        kind: 'success',
        text:
          imported.length === 1
            ? `Imported “${imported[0].title}”.`
            : `Imported ${imported.length} documents: ${imported.map((d) => d.title).join('; ')}.`,
      });
      window.location.hash = `#/doc/${imported[0].id}`;
    },
    [loadProject, notify],
  );

  const chooseImport = useCallback(async () => {
    try {
      const { imported } = await api.chooseImportFiles({});
      await importResult(imported);
    } catch (err) {
      notify({ kind: 'error', text: errorMessage(err) });
    }
  }, [importResult, notify]);

  const importDropped = useCallback(
    async (files: { name: string; bytes: Uint8Array<ArrayBuffer> }[]) => {
      try {
        const { imported } = await api.importFiles({ files });
        await importResult(imported);
      } catch (err) {
        notify({ kind: 'error', text: errorMessage(err) });
      }
    },
    [importResult, notify],
  );

  const projectChanged = useCallback(async () => {
    const unsaved = registry.unsaved();
    if (unsaved.length) {
      notify({ kind: 'error', text: `Changes to ${unsaved.length} document(s) of the previous project could not be saved before it was closed.` });
    }
    registry.clear();
    window.location.hash = '';
    setOpenId(null);
    const loaded = await loadProject();
    const last = loaded && localStorage.getItem(lastDocumentKey(loaded.dir));
    if (loaded && last && loaded.documents.some((d) => d.id === last)) window.location.hash = `#/doc/${last}`;
  }, [registry, loadProject, notify]);

  const switchProject = useCallback(
    async (how: 'open' | 'new', dir?: string) => {
      await registry.flushAll();
      try {
        const result = how === 'new' ? await api.newProject({}) : await api.openProject({ dir });
        if (result.dir) await projectChanged();
      } catch (err) {
        notify({ kind: 'error', text: errorMessage(err) });
      }
    },
    [registry, notify, projectChanged],
  );

  const focusFilter = useCallback(() => {
    filterRef.current?.focus();
    filterRef.current?.select();
  }, []);

  const runCommand = useCallback(
    (command: string) => {
      if (!isMenuCommand(command)) return;
      switch (command) {
        case 'import':
          void chooseImport();
          return;
        case 'open-project':
          void switchProject('open');
          return;
        case 'new-project':
          void switchProject('new');
          return;
        case 'export':
          setExporting(true);
          return;
        case 'save':
          void registry.flushAll();
          return;
        case 'filter':
          focusFilter();
          return;
        case 'help':
          setShowHelp(true);
          return;
        default:
          pane.current?.command(command);
      }
    },
    [chooseImport, registry, projectChanged, focusFilter],
  );

  useEffect(() => api.onMenu(runCommand), [runCommand]);

  // App-wide keys (the editor handles its own first).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const mod = event.ctrlKey || event.metaKey;
      if (event.key === 'F1' || (mod && event.key === '/')) {
        event.preventDefault();
        setShowHelp(true);
      } else if (mod && !event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void registry.flushAll();
      } else if (mod && !event.shiftKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        focusFilter();
      } else if (event.key === 'F6') {
        event.preventDefault();
        cycleRegion(event.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [registry, focusFilter]);

  const openTitle = open.status === 'ready' ? open.doc.meta.title : null;
  useEffect(() => {
    document.title = openTitle ? `${openTitle} — Interlinea` : 'Interlinea';
  }, [openTitle]);

  return (
    <div className="app">
      <a className="skip-link" href="#editor" onClick={(e) => (e.preventDefault(), pane.current?.focusEditor())}>
        Skip to the document
      </a>
      <DocumentList
        project={project}
        error={projectError}
        openId={openId}
        unsaved={registry.unsaved()}
        filterRef={filterRef}
        onImport={chooseImport}
        onExport={() => setExporting(true)}
        onOpenProject={(dir) => void switchProject('open', dir)}
        onNewProject={() => void switchProject('new')}
        onRetry={() => void loadProject()}
      />
      <main className="main" aria-label="Document">
        {open.status === 'none' && <EmptyState hasDocuments={!!project?.documents.length} />}
        {open.status === 'loading' && <p className="pane-message">Opening…</p>}
        {open.status === 'error' && (
          <div className="pane-message pane-error" role="alert">
            <h2>This document could not be opened</h2>
            <p>{open.message}</p>
          </div>
        )}
        {open.status === 'ready' && (
          <DocumentPane
            key={open.id}
            ref={pane}
            doc={open.doc}
            registry={registry}
            onShowHelp={() => setShowHelp(true)}
            onExport={() => setExporting(true)}
          />
        )}
      </main>
      {showHelp && <ShortcutsOverlay onClose={() => setShowHelp(false)} />}
      {exporting && (
        <ExportDialog
          documents={project?.documents ?? []}
          currentId={open.status === 'ready' ? open.id : null}
          beforeExport={() => registry.flushAll()}
          onClose={() => setExporting(false)}
          notify={notify}
        />
      )}
      <DropImport onFiles={importDropped} onError={(text) => notify({ kind: 'error', text })} />
      <Notices notices={notices} onDismiss={dismiss} />
    </div>
  );
}

/** True inside the desktop app (Electron's renderer), false in a plain browser (the tests). */
function isElectron(): boolean {
  return /\bElectron\//.test(navigator.userAgent);
}

function pendingDocument(payload: SavePayload): DocumentFile {
  return {
    schemaVersion: 1,
    id: payload.id,
    meta: payload.meta,
    body: payload.body,
    source: { file: '', format: '', importedAt: '', witness: [], notes: [] },
    updatedAt: '',
  };
}

function EmptyState({ hasDocuments }: { hasDocuments: boolean }) {
  return (
    <div className="pane-message empty-state">
      <h2>{hasDocuments ? 'Choose a document' : 'No documents yet'}</h2>
      <p>
        {hasDocuments
          ? 'Pick a document from the list to edit its translation beside the Korean witness.'
          : 'Import archive pages (text, Markdown or HTML): drop them on this window or use Import….'}
      </p>
      <p lang="ko" className="empty-state-ko">
        문서를 선택하거나 파일을 끌어다 놓으세요.
      </p>
    </div>
  );
}

/** F6: moves the focus to the next region (list, toolbar, editor, side panel). */
function cycleRegion(direction: 1 | -1): void {
  const regions = Array.from(document.querySelectorAll<HTMLElement>('[data-region]')).filter(
    (el) => el.offsetParent !== null,
  );
  if (!regions.length) return;
  const current = regions.findIndex((el) => el.contains(document.activeElement));
  const next = regions[(current + direction + regions.length) % regions.length];
  const target =
    next.querySelector<HTMLElement>('[data-region-focus]') ??
    next.querySelector<HTMLElement>('button:not([disabled]), input, select, textarea, [contenteditable="true"], a[href]');
  (target ?? next).focus();
}
