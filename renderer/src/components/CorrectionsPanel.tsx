/**
 * The side notes of corrections: each corrected reading beside what the source
 * said, who corrected it and when, with a way to find it and to revert it.
 */
import { TextSelection } from 'prosemirror-state';
import type { EditorController } from '../../editor/controller';
import { annotationsOf, type CorrectionEntry } from '../../editor/annotations';
import { revertCorrectionAt } from '../../editor/commands/correction';
import { allMarkRanges } from '../../editor/marks';
import { useEditorSelector } from '../hooks';
import { keyHint } from '../../editor/shortcuts';
import { useSyncExternalStore } from 'react';
import { provenanceLabel, provenanceOf } from '../../../shared/model/provenance';
import { editorsStore } from '../window-services';

export function CorrectionsPanel({ controller }: { controller: EditorController }) {
  const corrections = useEditorSelector(controller, (state) => annotationsOf(state).corrections, [] as readonly CorrectionEntry[], Object.is);
  const { editors } = useSyncExternalStore(editorsStore.subscribe, editorsStore.getSnapshot);
  if (!corrections.length) {
    return (
      <p className="panel-empty">
        No corrections. Select a slip of the source (an OCR error such as “Kim II Sung”) and press <kbd>{keyHint('correct')}</kbd>.
      </p>
    );
  }
  const show = (index: number) =>
    controller.run((state, dispatch) => {
      const range = allMarkRanges(state, state.schema.marks.correction)[index];
      if (!range) return false;
      dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, range.from, range.to)).scrollIntoView());
      return true;
    });
  return (
    <ol className="correction-list">
      {corrections.map((c, index) => (
        <li key={index} className="correction-item">
          <button type="button" className="correction-show" onClick={() => show(index)} title="Show in the text">
            <span className="correction-reading">{c.reading}</span>
          </button>
          <span className="correction-source">
            source: <q>{c.original}</q>
          </span>
          <span className="provenance-line" data-source={provenanceOf({ attrs: { resp: c.resp, when: c.when } }).source}>
            {provenanceLabel('correction', c, editors)}
          </span>
          <button type="button" className="link" onClick={() => controller.run(revertCorrectionAt(index))}>
            Revert
          </button>
        </li>
      ))}
    </ol>
  );
}
