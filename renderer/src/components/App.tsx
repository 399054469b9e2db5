/**
 * The workbench window: the project's document list beside the open document,
 * with the dialogs and notices over them. Each job is a hook: the project
 * (use-project), saving (use-save-registry, use-save-on-leave), the open document
 * (use-open-document), switching projects (use-project-switch), importing
 * (use-import) and the commands of the menu, keys and toolbar (use-app-commands).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppActions } from '../commands/bindings';
import { useAppCommands } from '../hooks/use-app-commands';
import { useImport } from '../hooks/use-import';
import { useOpenDocument } from '../hooks/use-open-document';
import { useProject } from '../hooks/use-project';
import { useProjectSwitch } from '../hooks/use-project-switch';
import { useSaveOnLeave } from '../hooks/use-save-on-leave';
import { useSaveRegistry } from '../hooks/use-save-registry';
import { idFromHash, showRememberedDocument } from '../navigation';
import { cycleRegion } from '../regions';
import { notices } from '../window-services';
import { DocumentList } from './DocumentList';
import { DocumentPane, type DocumentPaneHandle } from './DocumentPane';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { ExportDialog } from './ExportDialog';
import { HistoryDialog } from './HistoryDialog';
import { DropImport } from './DropImport';
import { Notices } from './Notices';
import { EditorChooser } from './EditorChooser';
import { FindPanel } from './FindPanel';
import { findStore, useFind } from '../hooks/use-find';

export function App() {
  const { project, error: projectError, load, documentSaved } = useProject();
  const registry = useSaveRegistry(documentSaved);
  useSaveOnLeave(registry, notices.notify);
  const { openId, open, close, replace } = useOpenDocument(registry, project?.dir ?? null);
  const switchProject = useProjectSwitch({ registry, load, closeDocument: close, notify: notices.notify });
  const { chooseFiles, importDropped } = useImport({ reload: load, notify: notices.notify });
  const [showHelp, setShowHelp] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const pane = useRef<DocumentPaneHandle | null>(null);
  const filterRef = useRef<HTMLInputElement | null>(null);

  // First load, and the remembered document of this project when the URL names none.
  useEffect(() => {
    void load().then((loaded) => loaded && !idFromHash() && showRememberedDocument(loaded));
  }, [load]);

  const find = useFind();
  useEffect(() => findStore.configure({ flushAll: () => registry.flushAll(), reload: load }), [registry, load]);

  const focusFilter = useCallback(() => {
    filterRef.current?.focus();
    filterRef.current?.select();
  }, []);

  const actions = useMemo<AppActions>(
    () => ({
      newProject: () => void switchProject('new'),
      openProject: () => void switchProject('open'),
      import: () => void chooseFiles(),
      export: () => setExporting(true),
      save: () => void registry.flushAll(),
      documentHistory: () => {
        // Unsaved edits first, so the list has the version they replace.
        if (open.status === 'ready') void registry.flushAll().finally(() => setShowHistory(true));
        else notices.notify({ kind: 'info', text: 'Open a document to see its saved versions.' });
      },
      findDocument: focusFilter,
      find: (mode) => findStore.openPanel(mode),
      findNext: (dir) => findStore.next(dir),
      nextRegion: () => cycleRegion(1),
      previousRegion: () => cycleRegion(-1),
      help: () => setShowHelp(true),
    }),
    [switchProject, chooseFiles, registry, focusFilter, open.status],
  );
  const run = useAppCommands(actions, pane);

  return (
    <div className={`app${find.open ? ' with-find' : ''}`}>
      <a className="skip-link" href="#editor" onClick={(e) => (e.preventDefault(), pane.current?.focusEditor())}>
        Skip to the document
      </a>
      <DocumentList
        project={project}
        error={projectError}
        openId={openId}
        unsaved={registry.unsaved()}
        filterRef={filterRef}
        onImport={chooseFiles}
        onExport={() => setExporting(true)}
        onOpenProject={(dir) => void switchProject('open', dir)}
        onNewProject={() => void switchProject('new')}
        onRetry={() => void load()}
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
        {/* A restored version (a new updatedAt) is a new editor. */}
        {open.status === 'ready' && <DocumentPane key={`${open.id} ${open.doc.updatedAt}`} ref={pane} doc={open.doc} registry={registry} run={run} />}
      </main>
      {find.open && <FindPanel />}
      {showHelp && <ShortcutsOverlay onClose={() => setShowHelp(false)} />}
      {exporting && (
        <ExportDialog
          documents={project?.documents ?? []}
          currentId={open.status === 'ready' ? open.id : null}
          beforeExport={() => registry.flushAll()}
          onClose={() => setExporting(false)}
          notify={notices.notify}
        />
      )}
      {showHistory && open.status === 'ready' && (
        <HistoryDialog
          id={open.id}
          title={project?.documents.find((d) => d.id === open.id)?.title ?? open.doc.meta.title}
          beforeRestore={async () => {
            await registry.flushAll();
            if (registry.unsaved().includes(open.id)) {
              throw new Error('The document’s unsaved edits could not be saved, so nothing was restored. Try again once saving works.');
            }
          }}
          onRestored={(doc) => {
            replace(doc);
            documentSaved({ id: doc.id, meta: doc.meta, body: doc.body });
          }}
          onClose={() => setShowHistory(false)}
          notify={notices.notify}
        />
      )}
      <DropImport onFiles={importDropped} onError={(text) => notices.notify({ kind: 'error', text })} />
      <Notices store={notices} />
      <EditorChooser dir={project?.dir ?? null} />
    </div>
  );
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
