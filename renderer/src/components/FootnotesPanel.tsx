/**
 * All footnotes in document order with their numbers, each editable in place
 * (the same nested editor as the anchor's popup), with a way to reach and to
 * delete its anchor.
 */
import { useLayoutEffect, useRef } from 'react';
import { NodeSelection } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import type { EditorController } from '../../editor/controller';
import { annotationsOf, footnotePosition, type FootnoteEntry } from '../../editor/annotations';
import { FootnoteEditor } from '../../editor/footnote-view';
import { useEditorSelector } from '../hooks';
import { keyHint } from '../../editor/shortcuts';

const COLUMN_NAMES: Record<string, string> = { english: 'English', korean: 'Korean', original: 'Original' };

export function FootnotesPanel({ controller }: { controller: EditorController }) {
  const footnotes = useEditorSelector(controller, (state) => annotationsOf(state).footnotes, [] as readonly FootnoteEntry[], Object.is);
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

function FootnoteField({ controller, index, number, node }: { controller: EditorController; index: number; number: number; node: Node }) {
  const mount = useRef<HTMLDivElement>(null);
  const editor = useRef<FootnoteEditor | null>(null);
  const latest = useRef(node);
  latest.current = node;

  useLayoutEffect(() => {
    const outer = controller.editorView;
    if (!mount.current || !outer) return;
    const ed = new FootnoteEditor(mount.current, latest.current, {
      outer,
      getPos: () => {
        const state = controller.getState();
        return state ? footnotePosition(state, index) : null;
      },
      label: `Footnote ${number}`,
      onLeave: () => controller.focus(),
    });
    editor.current = ed;
    return () => {
      ed.destroy();
      editor.current = null;
    };
  }, [controller, index, number]);

  // The outer document changed this note (undo, the popup editor): bring the field up to date.
  useLayoutEffect(() => {
    editor.current?.update(node);
  }, [node]);

  return <div ref={mount} className="footnote-field" />;
}
