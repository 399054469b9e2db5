/**
 * One open document: its details, the aligned rows in one editor, the toolbar,
 * the side panel, and its saving. Keyed by document id, so opening another
 * document mounts a fresh pane.
 */
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, useSyncExternalStore, type Ref } from 'react';
import type { DocumentFile, DocumentMeta } from '../../../shared/model/document';
import type { CommandId } from '../../../shared/commands';
import { schema } from '../../../shared/model/schema';
import { hasOriginal, hasWitness } from '../../../shared/model/build';
import { EditorController } from '../../editor/controller';
import { languageTag, type EditorOptions } from '../../editor/plugins';
import { buildRestorePlugins } from '../../restore';
import { editorCommands, type PaneActions } from '../commands/bindings';
import type { PaneTarget } from '../commands/run';
import { editorPayload, type SaveBase, type SaveRegistry, type SavePayload } from '../save-registry';
import { editorsStore, glossaryStore, provenanceOptions, restoreServices, restoreUi, suggestFetch } from '../window-services';
import { creditUnrecorded } from '../../editor/provenance';
import { isoToday } from '../../../shared/model/provenance';
import { ReviewBar } from './ReviewBar';
import { EditorBadge } from './EditorChooser';
import { ProvenanceHover } from './ProvenanceHover';
import { DocumentEditor } from './DocumentEditor';
import { MetaForm } from './MetaForm';
import { Toolbar } from './Toolbar';
import { SaveIndicator } from './SaveIndicator';
import { SidePanel, type PanelId } from './SidePanel';
import { CorrectionForm } from './CorrectionForm';
import { MarkBubble } from './MarkBubble';
import { SuggestLayer } from './SuggestLayer';
import { RowStatesBar } from './RowStatesBar';
import { useFindTarget, type FindTarget } from '../hooks/use-find';
import type { RichMetaField } from '../../../shared/model/meta-text';
import { focusedField, metaFieldHandles } from '../meta-field-commands';
import { isMetaFieldCommand, metaFieldsStore } from '../meta-fields';

/** The open document as the window's commands reach it. */
export interface DocumentPaneHandle extends PaneTarget {
  focusEditor(): void;
}

interface Props {
  doc: DocumentFile;
  registry: SaveRegistry;
  /** Runs a command of the table by id (the toolbar's window commands). */
  run(id: CommandId): void;
  ref?: Ref<DocumentPaneHandle>;
}

export function DocumentPane({ doc, registry, run, ref }: Props) {
  const controller = useMemo(() => new EditorController(), []);
  const metaRef = useRef<DocumentMeta>(doc.meta);
  const [title, setTitle] = useState(doc.meta.title);
  const [showDetails, setShowDetails] = useState(false);
  const [panel, setPanel] = useState<PanelId>('footnotes');
  // "Add to glossary" from a selection opens the glossary panel (it takes the prefill).
  useEffect(() => restoreUi.subscribe(() => restoreUi.peekPrefill() && setPanel('glossary')), []);
  const [correcting, setCorrecting] = useState(false);
  // The metadata fields that take corrections: small editors of their own (MetaForm), and the one being corrected.
  const [metaCorrecting, setMetaCorrecting] = useState<RichMetaField | null>(null);
  const fields = useMemo(() => metaFieldHandles(setMetaCorrecting), []);
  const withOriginal = useMemo(() => hasOriginal(doc.body), [doc]);
  // A document without a Korean witness keeps the column, narrow (lines can still be moved in).
  const withWitness = useMemo(() => hasWitness(doc.body), [doc]);

  // The version on disk the editor's changes are to: the file as opened, then each save's
  // (document-saver.ts). A pane shows one version of one document (App keys it by both).
  const base = useRef<SaveBase>({ version: doc.updatedAt, doc: null });
  const payload = useCallback((): SavePayload => {
    // Until the first save, the changes are to the document the editor was made from.
    const known = base.current;
    if (!known.doc && known.version) known.doc = controller.openedDoc;
    return editorPayload(doc.id, metaRef.current, controller.getState()?.doc ?? null, doc.body, known);
  }, [controller, doc]);

  // The document's autosave, holding the document as opened until the effect
  // attaches the editor (in an effect, so React's strict double mount re-attaches).
  const [autosave] = useState(() => registry.attach(doc.id, () => ({ id: doc.id, meta: doc.meta, body: doc.body })));
  useEffect(() => {
    registry.attach(doc.id, payload);
    const stop = controller.onDocChange(() => autosave.markDirty());
    return () => {
      stop();
      registry.detach(doc.id, payload());
    };
  }, [registry, doc.id, payload, controller, autosave]);
  const saveState = useSyncExternalStore(autosave.subscribe, autosave.getSnapshot);

  const actions = useMemo<PaneActions>(
    () => ({
      openCorrection: () => setCorrecting(true),
      toggleDetails: () => setShowDetails((v) => !v),
      showPanel: (id: PanelId) => setPanel(id),
    }),
    [],
  );
  // This document's commands, by command-table id: the keymap, the toolbar and the menu run these.
  const commands = useMemo(() => editorCommands({ restore: restoreServices, pane: actions }), [actions]);
  const editorOptions = useCallback(
    (): EditorOptions => ({
      commands,
      extra: buildRestorePlugins(schema, { fetch: suggestFetch(), glossaryGeneration: () => glossaryStore.generation }),
      provenance: provenanceOptions(),
    }),
    [commands],
  );
  // An editor chosen after annotations were made with none: today's unrecorded ones are theirs.
  useEffect(() => editorsStore.onChosen((id) => void controller.run(creditUnrecorded(id, isoToday()), false)), [controller]);

  // Find and replace reach this document's editor and metadata (a replace in the metadata remounts the form).
  const [form, setForm] = useState({ version: 0, meta: doc.meta });
  const findTarget = useMemo<FindTarget>(
    () => ({
      id: doc.id,
      controller,
      getMeta: () => metaRef.current,
      setMeta: (meta) => {
        metaRef.current = meta;
        setTitle(meta.title);
        setForm((f) => ({ version: f.version + 1, meta }));
        autosave.markDirty();
      },
    }),
    [doc.id, controller, autosave],
  );
  useFindTarget(findTarget);

  const onMetaChange = useCallback(
    (meta: DocumentMeta) => {
      metaRef.current = meta;
      setTitle(meta.title);
      autosave.markDirty();
      metaFieldsStore.changed();
    },
    [autosave],
  );
  // The QA panel fixes metadata findings in the fields; the live check reads the metadata as edited.
  useEffect(
    () =>
      metaFieldsStore.register({
        id: doc.id,
        getMeta: () => metaRef.current,
        controller: (field) => fields[field].controller,
        reveal: (field) => {
          setShowDetails(true);
          requestAnimationFrame(() => document.getElementById(`meta-${field}`)?.scrollIntoView({ block: 'nearest' }));
        },
      }),
    [doc.id, fields],
  );

  useImperativeHandle(
    ref,
    () => ({
      actions,
      runEditor: (id: CommandId) => {
        // A metadata field with the focus runs its own editorial commands (undo there is the field's).
        const field = focusedField(fields);
        if (field && isMetaFieldCommand(id)) {
          const own = fields[field].commands[id];
          return own ? fields[field].controller.run(own) : false;
        }
        const command = commands[id];
        return command ? controller.run(command) : false;
      },
      focusEditor: () => controller.focus(),
    }),
    [actions, commands, controller, fields],
  );

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
        <EditorBadge />
        <button type="button" className="details-toggle" aria-expanded={showDetails} aria-controls="document-details" onClick={() => setShowDetails((v) => !v)}>
          {showDetails ? 'Hide details' : 'Details'}
        </button>
      </header>
      <RowStatesBar controller={controller} />
      <ReviewBar controller={controller} />
      <Toolbar controller={controller} commands={commands} run={run} />
      <div className="document-body">
        <div className="document-main">
          <MetaForm key={form.version} id="document-details" hidden={!showDetails} initial={form.meta} onChange={onMetaChange} fields={fields} />
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
              <DocumentEditor controller={controller} body={doc.body} languages={languages} options={editorOptions} />
            </div>
          </div>
        </div>
        <SidePanel controller={controller} panel={panel} onPanel={setPanel} />
      </div>
      <MarkBubble controller={controller} />
      <ProvenanceHover controller={controller} />
      <SuggestLayer controller={controller} />
      {correcting && <CorrectionForm controller={controller} onClose={() => setCorrecting(false)} />}
      {metaCorrecting && <CorrectionForm controller={fields[metaCorrecting].controller} onClose={() => setMetaCorrecting(null)} />}
    </section>
  );
}
