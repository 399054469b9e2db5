/**
 * A small popover under the insertion or correction the caret is in: the
 * insertion's kind (editable) and a way to remove it; the correction's source
 * reading and a way to revert it. It follows the caret and never takes the focus
 * unless clicked.
 */
import { useMemo } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { INSERTION_KINDS, type InsertionKind } from '../../../shared/model/schema';
import type { EditorController } from '../../editor/controller';
import { insertionAtSelection, removeInsertion, setInsertionKind } from '../../editor/commands/insertion';
import { correctionAtSelection, revertCorrection } from '../../editor/commands/correction';
import { useEditorSelector } from '../hooks';
import { keyHint } from '../../editor/shortcuts';
import { usePopoverPosition } from './popover-position';
import { provenanceLabel, provenanceOf } from '../../../shared/model/provenance';
import { editorsStore } from '../window-services';
import { useSyncExternalStore } from 'react';

function bubbleState(state: EditorState) {
  const ins = insertionAtSelection(state);
  const corr = correctionAtSelection(state);
  if (!ins && !corr) return null;
  return {
    from: (ins ?? corr)!.from,
    kind: ins ? (ins.mark.attrs.kind as InsertionKind) : null,
    original: corr ? (corr.mark.attrs.original as string) : null,
    insertedBy: ins ? provenanceOf(ins.mark) : null,
    correctedBy: corr ? provenanceOf(corr.mark) : null,
  };
}

type Bubble = ReturnType<typeof bubbleState>;

/** Same bubble: the fresh provenance objects of each state do not redraw it. */
function sameBubble(a: Bubble, b: Bubble): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  return a.from === b.from && a.kind === b.kind && a.original === b.original && same(a.insertedBy, b.insertedBy) && same(a.correctedBy, b.correctedBy);
}

const KIND_LABELS: Record<InsertionKind, string> = {
  clarification: 'clarification',
  variant: 'variant',
  expansion: 'expansion',
};

export function MarkBubble({ controller }: { controller: EditorController }) {
  const info = useEditorSelector(controller, bubbleState, null, sameBubble);
  const { editors } = useSyncExternalStore(editorsStore.subscribe, editorsStore.getSnapshot);
  const from = info?.from;
  const anchor = useMemo(() => (from === undefined ? null : (view: EditorView) => view.coordsAtPos(from)), [from]);
  const position = usePopoverPosition(controller, anchor, { width: 292, gap: 4 });

  if (!info || !position) return null;
  return (
    <div className="popover mark-bubble" style={{ left: position.left, top: position.top }} role="group" aria-label="Annotation at the cursor">
      {info.kind && (
        <div className="popover-row">
          <label htmlFor="insertion-kind">Insertion</label>
          <select
            id="insertion-kind"
            value={info.kind}
            title={`Kind of insertion (${keyHint('insertionKind')} cycles)`}
            onChange={(e) => controller.run(setInsertionKind(e.target.value as InsertionKind))}
          >
            {INSERTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
          <button type="button" className="link" onMouseDown={(e) => e.preventDefault()} onClick={() => controller.run(removeInsertion)} title={`Remove the brackets (${keyHint('insertion')})`}>
            Remove
          </button>
        </div>
      )}
      {info.insertedBy && (
        <div className="popover-row bubble-provenance" data-source={info.insertedBy.source}>
          {provenanceLabel('insertion', info.insertedBy, editors)}
        </div>
      )}
      {info.original !== null && (
        <div className="popover-row">
          <span className="bubble-source">
            source: <q>{info.original}</q>
          </span>
          <button type="button" className="link" onMouseDown={(e) => e.preventDefault()} onClick={() => controller.run(revertCorrection)} title={`Revert (${keyHint('revertCorrection')})`}>
            Revert
          </button>
        </div>
      )}
      {info.correctedBy && (
        <div className="popover-row bubble-provenance" data-source={info.correctedBy.source}>
          {provenanceLabel('correction', info.correctedBy, editors)}
        </div>
      )}
    </div>
  );
}
