/**
 * Quality-check fixes (shared/qa) as ProseMirror commands: each fix is one
 * transaction, so undo takes it back. A text fix is a `correction` keeping what
 * the text said; a fix whose text has changed since the check does not apply.
 */
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { QaFinding } from '../../shared/qa/types';

/** The finding's range in `state`, if the body there still reads as it did. */
function rangeOf(state: EditorState, finding: QaFinding): { from: number; to: number } | null {
  if (finding.place.kind !== 'body') return null;
  const { from, to } = finding.place;
  if (from < 0 || to > state.doc.content.size || from > to) return null;
  return { from, to };
}

function stillReads(state: EditorState, from: number, to: number, text: string): boolean {
  return state.doc.textBetween(from, to, '\n', '\uFFFC') === text;
}

/** The transaction that applies `finding`'s fix, or null when it has none or no longer fits. */
export function fixTransaction(state: EditorState, finding: QaFinding): Transaction | null {
  const fix = finding.fix;
  const range = rangeOf(state, finding);
  if (!fix || !range) return null;
  const { from, to } = range;
  const { schema } = state;
  const tr = state.tr;
  let caret = from;
  switch (fix.kind) {
    case 'correct': {
      if (!stillReads(state, from, to, finding.text)) return null;
      // Keep the marks the text had (an insertion, a name); the correction keeps the source's reading.
      const inherited = (state.doc.nodeAt(from)?.marks ?? []).filter((m) => m.type !== schema.marks.correction);
      const original = state.doc.rangeHasMark(from, to, schema.marks.correction) ? null : finding.text;
      if (original === null) return null;
      const marks = [...inherited, schema.marks.correction.create({ original })];
      tr.replaceWith(from, to, schema.text(fix.text, marks));
      caret = from + fix.text.length;
      break;
    }
    case 'gap': {
      if (!/^□+$/.test(finding.text) || !stillReads(state, from, to, finding.text)) return null;
      tr.replaceWith(from, to, schema.nodes.gap.create({ quantity: to - from }));
      caret = from + 1;
      break;
    }
    case 'insertion': {
      if (!/^\[[^[\]]+\]$/.test(finding.text) || !stillReads(state, from, to, finding.text)) return null;
      tr.delete(to - 1, to).delete(from, from + 1);
      tr.addMark(from, to - 2, schema.marks.insertion.create());
      caret = to - 2;
      break;
    }
    case 'delete': {
      const node = state.doc.nodeAt(from);
      if (node?.type === schema.nodes.footnote) tr.delete(from, from + node.nodeSize);
      else if (stillReads(state, from, to, finding.text)) tr.delete(from, to);
      else return null;
      break;
    }
    case 'accept': {
      if (!state.doc.rangeHasMark(from, to, schema.marks.proposed)) return null;
      tr.removeMark(from, to, schema.marks.proposed);
      caret = to;
      break;
    }
  }
  return tr.setSelection(TextSelection.create(tr.doc, Math.min(caret, tr.doc.content.size))).scrollIntoView();
}

/** Applies `finding`'s fix. */
export function applyFix(finding: QaFinding): Command {
  return (state, dispatch) => {
    const tr = fixTransaction(state, finding);
    if (!tr) return false;
    dispatch?.(tr);
    return true;
  };
}

/** Selects a finding's place in the body (drawn or not: the viewport draws the rows holding the selection). */
export function goToFinding(finding: QaFinding): Command {
  return (state, dispatch) => {
    const range = rangeOf(state, finding);
    if (!range) return false;
    const $from = state.doc.resolve(range.from);
    if (!$from.parent.inlineContent) return false;
    const to = state.doc.resolve(range.to).parent === $from.parent ? range.to : range.from;
    dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, range.from, to)).scrollIntoView());
    return true;
  };
}

/** The finding with a fix whose range holds the cursor, from `findings`. */
export function findingAt(state: EditorState, findings: readonly QaFinding[]): QaFinding | null {
  const { from, to } = state.selection;
  return findings.find((f) => f.fix && f.place.kind === 'body' && f.place.from <= from && to <= f.place.to) ?? null;
}

/** Moves body findings through a transaction; those whose text was edited away go. */
export function mapFindings(findings: readonly QaFinding[], tr: Transaction): QaFinding[] {
  const out: QaFinding[] = [];
  for (const f of findings) {
    if (f.place.kind !== 'body') {
      out.push(f);
      continue;
    }
    const from = tr.mapping.mapResult(f.place.from, 1);
    const to = tr.mapping.mapResult(f.place.to, -1);
    if ((from.deleted && to.deleted && f.place.to > f.place.from) || to.pos < from.pos) continue;
    out.push({ ...f, place: { ...f.place, from: from.pos, to: Math.max(from.pos, to.pos) } });
  }
  return out;
}

function scrollParent(dom: HTMLElement): HTMLElement | null {
  for (let el = dom.parentElement; el; el = el.parentElement) {
    const { overflowY } = getComputedStyle(el);
    if (overflowY === 'auto' || overflowY === 'scroll') return el;
  }
  return null;
}

/**
 * Brings the selection into the scroller's view, over a few frames: rows off
 * screen are laid out at an estimated height (`content-visibility: auto`), so one
 * scroll lands short and the next ones, on the rows now drawn, land true.
 */
export function revealSelection(view: EditorView, frames = 5): void {
  const scroller = scrollParent(view.dom);
  if (!scroller) return;
  const step = (left: number) => {
    if (view.isDestroyed) return;
    const coords = view.coordsAtPos(view.state.selection.head);
    const box = scroller.getBoundingClientRect();
    if (coords.top < box.top + 16 || coords.bottom > box.bottom - 16) scroller.scrollTop += coords.top - (box.top + box.height / 3);
    if (left > 1) requestAnimationFrame(() => step(left - 1));
  };
  step(frames);
}
