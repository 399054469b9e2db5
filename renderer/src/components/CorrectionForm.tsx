/**
 * The inline correction form: opens under the selected slip (or the correction
 * the caret is in), takes the corrected reading, and applies it as one undoable
 * edit. Enter applies, Escape cancels; the focus returns to the text either way.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { EditorController } from '../../editor/controller';
import { applyCorrection, correctionTarget } from '../../editor/commands/correction';
import { popoverPosition, windowSize } from './popover-position';

interface Props {
  controller: EditorController;
  onClose(): void;
}

export function CorrectionForm({ controller, onClose }: Props) {
  // Where and what, computed once when the form opens (it is positioned under the text).
  const [{ target, position }] = useState(() => {
    const state = controller.getState();
    const view = controller.editorView;
    const found = state ? correctionTarget(state) : null;
    if (!found || !view) return { target: null, position: { left: 0, top: 0 } };
    const start = view.coordsAtPos(found.from);
    const end = view.coordsAtPos(found.to);
    const anchor = { left: start.left, top: start.top, bottom: Math.max(start.bottom, end.bottom) };
    return { target: found, position: popoverPosition(anchor, { width: 360, gap: 6, height: 140 }, windowSize())! };
  });
  const [value, setValue] = useState(target?.current ?? '');
  const input = useRef<HTMLInputElement>(null);
  const closeRef = useRef(onClose);
  // Kept current in an effect (declared first, so it runs first), not during render.
  useLayoutEffect(() => {
    closeRef.current = onClose;
  });

  useLayoutEffect(() => {
    if (!target) {
      closeRef.current();
      return;
    }
    input.current?.focus();
    input.current?.select();
  }, [target]);

  if (!target) return null;

  const close = () => {
    onClose();
    controller.focus();
  };
  const apply = () => {
    const reading = value.normalize('NFC');
    if (reading) controller.run(applyCorrection(reading));
    onClose();
  };

  return (
    <form
      className="popover correction-form"
      style={{ left: position.left, top: position.top }}
      aria-label="Correct the source"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor="correction-input">
        Correct <q className="correction-original">{target.original}</q> to
      </label>
      <div className="popover-row">
        <input id="correction-input" ref={input} value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" spellCheck />
        <button type="submit" disabled={!value}>
          Apply
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
      <p className="popover-hint">The source’s reading is kept: shown on hover and in the Corrections panel, and restorable.</p>
    </form>
  );
}
