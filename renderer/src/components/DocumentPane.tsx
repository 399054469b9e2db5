/**
 * One open document: its details, the aligned rows in one editor, the toolbar,
 * the side panel, and its saving. Keyed by document id, so opening another
 * document mounts a fresh pane.
 */
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, useSyncExternalStore, type Ref } from 'react';
import { redo, undo } from 'prosemirror-history';
import type { DocumentFile, DocumentMeta } from '../../../shared/model/document';
import { EditorController } from '../../editor/controller';
import type { EditorUi } from '../../editor/keymap';
import { languageTag } from '../../editor/plugins';
import { cycleInsertionKind, toggleInsertion } from '../../editor/commands/insertion';
import { canCorrect, revertCorrection } from '../../editor/commands/correction';
import { insertFootnote } from '../../editor/commands/footnote';
import { mergeWithNext, moveFirstWitnessLineUp, moveLastWitnessLineDown, splitSegment } from '../../editor/commands/segments';
import type { MenuCommand } from '../menu-commands';
import type { SaveRegistry, SavePayload } from '../save-registry';
import { DocumentEditor } from './DocumentEditor';
import { MetaForm } from './MetaForm';
import { Toolbar } from './Toolbar';
import { SaveIndicator } from './SaveIndicator';
import { SidePanel, type PanelId } from './SidePanel';
import { CorrectionForm } from './CorrectionForm';
import { MarkBubble } from './MarkBubble';
import { SuggestLayer } from './SuggestLayer';
import { glossaryStore, restoreCommands, restoreUi } from '../../restore';

const restoreMenu = restoreCommands(glossaryStore);

export interface DocumentPaneHandle {
  command(command: MenuCommand): void;
  focusEditor(): void;
}

interface Props {
  doc: DocumentFile;
  registry: SaveRegistry;
  onShowHelp(): void;
  onExport(): void;
  ref?: Ref<DocumentPaneHandle>;
}

function hasWitness(doc: DocumentFile): boolean {
  return (doc.body.content ?? []).some((segment) =>
    (segment.content ?? []).some((cell) => cell.type === 'witness' && ((cell.attrs?.lines as string[] | undefined) ?? []).length > 0),
  );
}

function hasOriginal(doc: DocumentFile): boolean {
  return (doc.body.content ?? []).some((segment) => (segment.content ?? []).some((cell) => cell.type === 'original'));
}

export function DocumentPane({ doc, registry, onShowHelp, onExport, ref }: Props) {
  const controller = useMemo(() => new EditorController(), []);
  const metaRef = useRef<DocumentMeta>(doc.meta);
  const [title, setTitle] = useState(doc.meta.title);
  const [showDetails, setShowDetails] = useState(false);
  const [panel, setPanel] = useState<PanelId>('footnotes');
  // "Add to glossary" from a selection opens the glossary panel (it takes the prefill).
  useEffect(() => restoreUi.subscribe(() => restoreUi.peekPrefill() && setPanel('glossary')), []);
  const [correcting, setCorrecting] = useState(false);
  const withOriginal = useMemo(() => hasOriginal(doc), [doc]);
  // A document without a Korean witness keeps the column, narrow (lines can still be moved in).
  const withWitness = useMemo(() => hasWitness(doc), [doc]);

  const payload = useCallback(
    (): SavePayload => ({
      id: doc.id,
      meta: metaRef.current,
      body: (controller.getState()?.doc.toJSON() ?? doc.body) as SavePayload['body'],
    }),
    [controller, doc],
  );

  // Attach in an effect (not a memo) so React's strict double mount re-attaches.
  const [autosave, setAutosave] = useState(() => registry.attach(doc.id, payload));
  useEffect(() => {
    const entry = registry.attach(doc.id, payload);
    setAutosave(entry);
    const stop = controller.onDocChange(() => entry.markDirty());
    return () => {
      stop();
      registry.detach(doc.id, payload());
    };
  }, [registry, doc.id, payload, controller]);
  const saveState = useSyncExternalStore(autosave.subscribe, autosave.getSnapshot);

  const ui = useMemo<EditorUi>(
    () => ({
      openCorrection: () => setCorrecting(true),
      showShortcuts: onShowHelp,
    }),
    [onShowHelp],
  );

  const onMetaChange = useCallback(
    (meta: DocumentMeta) => {
      metaRef.current = meta;
      setTitle(meta.title);
      autosave.markDirty();
    },
    [autosave],
  );

  const command = useCallback(
    (name: MenuCommand) => {
      const run = (cmd: Parameters<EditorController['run']>[0]) => controller.run(cmd);
      switch (name) {
        case 'undo':
          return void run(undo);
        case 'redo':
          return void run(redo);
        case 'insertion':
          return void run(toggleInsertion());
        case 'insertion-kind':
          return void run(cycleInsertionKind);
        case 'correction':
          if (controller.can(canCorrect)) setCorrecting(true);
          return;
        case 'revert-correction':
          return void run(revertCorrection);
        case 'footnote':
          return void run(insertFootnote());
        case 'split-segment':
          return void run(splitSegment());
        case 'merge-segment':
          return void run(mergeWithNext);
        case 'witness-line-down':
          return void run(moveLastWitnessLineDown);
        case 'witness-line-up':
          return void run(moveFirstWitnessLineUp);
        case 'panel-footnotes':
          return setPanel('footnotes');
        case 'panel-corrections':
          return setPanel('corrections');
        case 'panel-glossary':
          return setPanel('glossary');
        case 'toggle-details':
          return setShowDetails((v) => !v);
        case 'autofill':
          return void run(restoreMenu.autofill);
        case 'autofill-all':
          return void run(restoreMenu.autofillAll);
        case 'accept-proposal':
          return void run(restoreMenu.acceptProposal);
        case 'accept-row-proposals':
          return void run(restoreMenu.acceptRowProposals);
        case 'repair-encoding':
          return void run(restoreMenu.repairEncoding);
        case 'add-to-glossary':
          return void run(restoreMenu.addToGlossary);
        default:
          return;
      }
    },
    [controller],
  );

  useImperativeHandle(ref, () => ({ command, focusEditor: () => controller.focus() }), [command, controller]);

  const languages = useMemo(
    () => ({ english: 'en', korean: 'ko', original: languageTag(doc.meta.originalLanguage) || 'und' }),
    [doc.meta.originalLanguage],
  );

  return (
    <section className={`document-pane${withOriginal ? ' with-original' : ''}${withWitness ? '' : ' no-witness'}`} aria-labelledby="document-title">
      <header className="document-header">
        <h1 id="document-title" className="document-heading">
          {title || 'Untitled'}
        </h1>
        <SaveIndicator state={saveState} onRetry={() => void autosave.flush()} />
        <button type="button" className="details-toggle" aria-expanded={showDetails} aria-controls="document-details" onClick={() => setShowDetails((v) => !v)}>
          {showDetails ? 'Hide details' : 'Details'}
        </button>
      </header>
      <Toolbar controller={controller} onCorrect={() => setCorrecting(true)} onHelp={onShowHelp} onExport={onExport} />
      <div className="document-body">
        <div className="document-main">
          <MetaForm id="document-details" hidden={!showDetails} initial={doc.meta} onChange={onMetaChange} />
          <div className="column-heads" aria-hidden="true">
            <span className="col-head col-num">#</span>
            <span className="col-head">English</span>
            <span className="col-head">
              Witness <span className="col-sub">garbled Korean, read-only</span>
            </span>
            <span className="col-head">
              Korean restoration <span lang="ko">복원</span>
            </span>
            {withOriginal && <span className="col-head">Original{doc.meta.originalLanguage ? ` (${doc.meta.originalLanguage})` : ''}</span>}
          </div>
          {/* The rows scroll on their own, under fixed column headings (no sticky positioning: cheaper frames). */}
          <div className="document-scroll-frame">
            <div className="document-scroll" id="editor">
              <DocumentEditor controller={controller} body={doc.body} languages={languages} ui={ui} />
            </div>
          </div>
        </div>
        <SidePanel controller={controller} panel={panel} onPanel={setPanel} />
      </div>
      <MarkBubble controller={controller} />
      <SuggestLayer controller={controller} />
      {correcting && <CorrectionForm controller={controller} onClose={() => setCorrecting(false)} />}
    </section>
  );
}
