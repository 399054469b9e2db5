/**
 * The alternatives of the drafted word at the caret (opened with its key): the
 * decoder's other readings that fit the same witness text. Like the suggestion
 * list it never takes the focus: arrows move, Enter or Ctrl+1…9 choose, Esc closes
 * (renderer/restore/draft.ts handles the keys), or a click chooses.
 */
import { useMemo } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { EditorController } from '../../editor/controller';
import { useEditorSelector } from '../hooks';
import { displayKey } from '../../editor/shortcuts';
import { alternativesView, chooseAlternative, type AlternativesState } from '../../restore/draft';
import { usePopoverPosition } from './popover-position';
import '../styles/draft.css';

function select(state: EditorState): AlternativesState | null {
  return alternativesView(state);
}

function same(a: AlternativesState | null, b: AlternativesState | null): boolean {
  return a === b || (!!a && !!b && a.word === b.word && a.selected === b.selected);
}

export function DraftAlternatives({ controller }: { controller: EditorController }) {
  const view = useEditorSelector(controller, select, null, same);
  const word = view?.word ?? null;
  const anchor = useMemo(
    () =>
      word
        ? (editor: EditorView) => {
            try {
              return editor.coordsAtPos(Math.min(word.from, editor.state.doc.content.size), 1);
            } catch {
              return null;
            }
          }
        : null,
    [word],
  );
  const position = usePopoverPosition(controller, anchor, { width: 300, gap: 6 });
  if (!view?.word || !position) return null;
  const mod = displayKey('Mod-1').replace(/1$/, '');
  return (
    <div className="popover draft-alternatives" style={{ left: position.left, top: position.top }} role="listbox" aria-label={`Alternatives to the drafted word ${view.word.text}`}>
      <div className="draft-alternatives-head">
        Instead of{' '}
        <span className="draft-alternatives-word" lang="ko">
          {view.word.text}
        </span>
      </div>
      <ol className="draft-alternatives-items">
        {view.word.alternatives.map((text, i) => (
          <li key={text} role="option" aria-selected={i === view.selected}>
            <button
              type="button"
              className={`draft-alternative${i === view.selected ? ' selected' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => controller.run(chooseAlternative(i))}
            >
              {i < 9 && <kbd className="suggest-key">{`${mod}${i + 1}`}</kbd>}
              <span lang="ko">{text}</span>
            </button>
          </li>
        ))}
      </ol>
      <p className="popover-hint">
        <kbd>↑</kbd>
        <kbd>↓</kbd> <kbd>Enter</kbd> chooses (accepted) · <kbd>Esc</kbd> closes
      </p>
    </div>
  );
}
