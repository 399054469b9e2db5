/**
 * The floating layer of the restoration tools: the suggestion list at the caret
 * (or beside the picked witness characters). It never takes the focus: the list is
 * driven from the editor (Tab, Ctrl+1…9, Esc) or by clicking.
 */
import { useEffect, useMemo } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { EditorController } from '../../editor/controller';
import { useEditorSelector } from '../hooks';
import { displayKey } from '../../editor/shortcuts';
import { acceptSuggestion, suggestView } from '../../restore';
import { draftRunner, glossaryStore } from '../window-services';
import type { SuggestionItem } from '../../../shared/ipc/contract';
import type { Target } from '../../restore/target';
import { usePopoverPosition, type ScreenRect } from './popover-position';
import { DraftAlternatives } from './DraftAlternatives';
import { DraftProgress } from './DraftProgress';
import '../styles/restore.css';

type View = { target: Target; items: SuggestionItem[] } | null;

function sameView(a: View, b: View): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.target.from === b.target.from &&
    a.target.to === b.target.to &&
    a.target.token === b.target.token &&
    a.target.source === b.target.source &&
    a.items.length === b.items.length &&
    a.items.every((item, i) => item === b.items[i])
  );
}

const SOURCE_LABELS: Record<string, string> = {
  glossary: 'glossary',
  project: 'project',
  lexicon: 'lexicon',
};

/** Where the list points: the picked witness characters, or the caret's end of the target. */
function targetRect(editor: EditorView, target: Target): ScreenRect | null {
  if (target.source === 'pick') {
    const row = editor.nodeDOM(target.segmentPos) as HTMLElement | null;
    const span = row?.querySelector(`.witness-line[data-line="${target.line}"] .wc[data-col="${target.witnessFrom}"]`);
    if (span) return span.getBoundingClientRect();
  }
  try {
    return editor.coordsAtPos(Math.min(target.to, editor.state.doc.content.size));
  } catch {
    return null;
  }
}

function select(state: EditorState): View {
  return suggestView(state);
}

export function SuggestLayer({ controller }: { controller: EditorController }) {
  const view = useEditorSelector(controller, select, null, sameView);

  // The glossary feeds auto-fill and the panel; load it with the document.
  useEffect(() => glossaryStore.ensure(), []);

  const target = view?.target;
  const anchor = useMemo(() => (target ? (editor: EditorView) => targetRect(editor, target) : null), [target]);
  const position = usePopoverPosition(controller, anchor, { width: 332, gap: 6 });

  return (
    <>
      {view && position && <SuggestList controller={controller} view={view} position={position} />}
      <DraftAlternatives controller={controller} />
      <DraftProgress runner={draftRunner} />
      <div className="visually-hidden" aria-live="polite">
        {view ? `${view.items.length} suggestion${view.items.length === 1 ? '' : 's'} for ${view.target.token}; Tab accepts ${view.items[0]?.text ?? ''}` : ''}
      </div>
    </>
  );
}

function SuggestList({ controller, view, position }: { controller: EditorController; view: NonNullable<View>; position: { left: number; top: number } }) {
  const { target, items } = view;
  const mod = displayKey('Mod-1').replace(/1$/, '');
  return (
    <div
      className="popover suggest-list"
      style={{ left: position.left, top: position.top }}
      role="group"
      aria-label={`Suggestions that fit the witness text ${target.token}`}
    >
      <div className="suggest-head">
        <span>Fits</span>
        <code className="suggest-token" translate="no">
          {target.token}
        </code>
        {target.source === 'pick' && <span className="suggest-where">picked in the witness</span>}
      </div>
      <ol className="suggest-items">
        {items.map((item, i) => {
          const partial = item.garble.replace(/ /g, '') !== target.token.replace(/ /g, '');
          return (
            <li key={item.text}>
              <button
                type="button"
                className={`suggest-item${partial ? ' suggest-partial' : ''}`}
                data-source={item.source}
                title={`${item.text}: leaves “${item.garble}”${partial ? ' (part of the witness text)' : ''}; from the ${SOURCE_LABELS[item.source] ?? item.source}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => controller.run(acceptSuggestion(i))}
              >
                <kbd className="suggest-key">{i === 0 ? 'Tab' : `${mod}${i + 1}`}</kbd>
                <span className="suggest-text" lang="ko">
                  {item.text}
                </span>
                <code className="suggest-garble" translate="no">
                  {item.garble}
                </code>
                <span className={`suggest-source source-${item.source}`}>{SOURCE_LABELS[item.source] ?? item.source}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="popover-hint">
        <kbd>Tab</kbd> accepts the first, <kbd>{mod}1…9</kbd> the n-th · <kbd>Esc</kbd> closes
      </p>
    </div>
  );
}
