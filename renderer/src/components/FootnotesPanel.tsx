/**
 * All footnotes in document order with their numbers, each editable in place
 * (the same nested editor as the anchor's popup), with a way to reach and to
 * delete its anchor.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { NodeSelection } from 'prosemirror-state';
import { DOMSerializer, type Node } from 'prosemirror-model';
import { schema } from '../../../shared/model/schema';
import type { EditorController } from '../../editor/controller';
import { annotationsOf, footnotePosition, type FootnoteEntry } from '../../editor/annotations';
import { FootnoteEditor } from '../../editor/footnote-view';
import { useEditorSelector } from '../hooks';
import { keyHint } from '../../editor/shortcuts';
import { useSyncExternalStore } from 'react';
import { provenanceLabel, provenanceOf } from '../../../shared/model/provenance';
import { editorsStore } from '../window-services';

const COLUMN_NAMES: Record<string, string> = { english: 'English', korean: 'Korean', original: 'Original' };

export function FootnotesPanel({ controller }: { controller: EditorController }) {
  const footnotes = useEditorSelector(controller, (state) => annotationsOf(state).footnotes, [] as readonly FootnoteEntry[], Object.is);
  const { editors } = useSyncExternalStore(editorsStore.subscribe, editorsStore.getSnapshot);
  if (!footnotes.length) {
    return (
      <p className="panel-empty">
        No footnotes yet. Put the cursor in the text and press <kbd>{keyHint('footnote')}</kbd>.
      </p>
    );
  }
  return (
    <ol className="footnote-list">
      {footnotes.map((note, index) => (
        <li key={`${index}-${note.id}`} className="footnote-item" data-number={note.number}>
          <div className="footnote-item-head">
            <button
              type="button"
              className="footnote-go"
              title="Show the anchor in the text"
              onClick={() => {
                const pos = footnotePosition(controller.getState()!, index);
                if (pos === null) return;
                controller.run((state, dispatch) => {
                  dispatch?.(state.tr.setSelection(NodeSelection.create(state.doc, pos)).scrollIntoView());
                  return true;
                });
              }}
            >
              {note.number}
            </button>
            <span className="footnote-where">{COLUMN_NAMES[note.column] ?? note.column}</span>
            <span className="provenance-line" data-source={provenanceOf(note.node).source}>
              {provenanceLabel('footnote', provenanceOf(note.node), editors)}
            </span>
            <button
              type="button"
              className="link danger"
              aria-label={`Delete footnote ${note.number}`}
              onClick={() => {
                const pos = footnotePosition(controller.getState()!, index);
                if (pos === null) return;
                controller.run((state, dispatch) => {
                  const node = state.doc.nodeAt(pos);
                  if (!node) return false;
                  dispatch?.(state.tr.delete(pos, pos + node.nodeSize));
                  return true;
                }, false);
              }}
            >
              Delete
            </button>
          </div>
          <FootnoteField controller={controller} index={index} number={note.number} node={note.node} />
        </li>
      ))}
    </ol>
  );
}

/**
 * One note's text in the panel. A long document has hundreds of notes, and a
 * ProseMirror view for each would cost every keystroke in the document (each
 * view listens to the page's selection changes), so the note is drawn as
 * static text until it takes the focus (a click or Tab), and becomes the
 * nested editor then, with the caret where the click was.
 */
function FootnoteField({ controller, index, number, node }: { controller: EditorController; index: number; number: number; node: Node }) {
  const [editing, setEditing] = useState<{ x: number; y: number } | 'end' | null>(null);
  const label = `Footnote ${number}`;
  if (!editing) {
    return (
      <div className="footnote-field">
        <StaticNote
          node={node}
          label={label}
          onActivate={(at) => setEditing(at)}
        />
      </div>
    );
  }
  return <LiveNote controller={controller} index={index} label={label} node={node} caret={editing} onDone={() => setEditing(null)} />;
}

const serializer = DOMSerializer.fromSchema(schema);

function StaticNote({ node, label, onActivate }: { node: Node; label: string; onActivate: (at: { x: number; y: number } | 'end') => void }) {
  const text = useRef<HTMLDivElement>(null);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  useLayoutEffect(() => {
    text.current?.replaceChildren(serializer.serializeFragment(node.content));
  }, [node]);
  return (
    <div
      ref={text}
      className="footnote-text"
      role="textbox"
      aria-label={label}
      tabIndex={0}
      onMouseDown={(event) => {
        pointer.current = { x: event.clientX, y: event.clientY };
      }}
      onFocus={() => {
        onActivate(pointer.current ?? 'end');
        pointer.current = null;
      }}
    />
  );
}

function LiveNote({
  controller,
  index,
  label,
  node,
  caret,
  onDone,
}: {
  controller: EditorController;
  index: number;
  label: string;
  node: Node;
  caret: { x: number; y: number } | 'end';
  onDone: () => void;
}) {
  const mount = useRef<HTMLDivElement>(null);
  const editor = useRef<FootnoteEditor | null>(null);
  const latest = useRef({ node, caret, onDone });
  // Kept current in an effect (declared first, so it runs first), not during render.
  useLayoutEffect(() => {
    latest.current = { node, caret, onDone };
  });

  useLayoutEffect(() => {
    const outer = controller.editorView;
    const place = mount.current;
    if (!place || !outer) return;
    const ed = new FootnoteEditor(place, latest.current.node, {
      outer,
      getPos: () => {
        const state = controller.getState();
        return state ? footnotePosition(state, index) : null;
      },
      label,
      onLeave: () => controller.focus(),
    });
    editor.current = ed;
    const at = latest.current.caret;
    const pos = at === 'end' ? null : ed.view.posAtCoords({ left: at.x, top: at.y });
    if (pos) ed.focusAt(pos.pos);
    else ed.focus();
    // Back to static text once the focus has left the note (not when the window loses it).
    const left = () =>
      setTimeout(() => {
        if (document.hasFocus() && !place.contains(document.activeElement)) latest.current.onDone();
      });
    place.addEventListener('focusout', left);
    return () => {
      place.removeEventListener('focusout', left);
      ed.destroy();
      editor.current = null;
    };
  }, [controller, index, label]);

  // The outer document changed this note (undo, the popup editor): bring the field up to date.
  useLayoutEffect(() => {
    editor.current?.update(node);
  }, [node]);

  return <div ref={mount} className="footnote-field" />;
}
