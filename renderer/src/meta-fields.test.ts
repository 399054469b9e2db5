import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { history, undo } from 'prosemirror-history';
import { plainOfRich, richOfPlain, withRichField, richField } from '../../shared/model/meta-text';
import { emptyMeta } from '../../shared/model/document';
import type { QaFinding } from '../../shared/qa/types';
import { toggleInsertion } from '../editor/commands/insertion';
import { applyCorrection, correctionTarget, revertCorrection } from '../editor/commands/correction';
import { buildProvenance } from '../editor/provenance';
import { metaFindingAt, metaFixTransaction } from './meta-fields';

const SUMMARY = "Criticisms of Kim II Sung's personality cult.";

/** A summary field's editor state as MetaFieldEditor makes it, `from`–`to` selected. */
function field(text = SUMMARY, from = 0, to = from, editor = 'edab1') {
  const state = EditorState.create({
    doc: richOfPlain(text),
    plugins: [history(), buildProvenance({ current: () => editor, today: () => '2025-01-02' })],
  });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

function run(state: EditorState, command: Command): EditorState {
  let next = state;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}

const at = SUMMARY.indexOf('Kim II Sung');
const finding: QaFinding = {
  rule: 'ocr.roman-il',
  family: 'ocr',
  severity: 'warning',
  message: '“II” here is probably “Il” misread',
  text: 'II',
  place: { kind: 'meta', field: 'summary', from: at + 4, to: at + 6 },
  fix: { kind: 'correct', label: 'Correct to “Il”', text: 'Il' },
  key: 'ocr.roman-il|meta:summary|II',
};

describe('metadata field editors', () => {
  it('take a correction with the body’s command, keeping the source reading and stamping the editor', () => {
    const state = field(SUMMARY, at, at + 'Kim II Sung'.length);
    expect(correctionTarget(state)).toMatchObject({ original: 'Kim II Sung' });
    const next = run(state, applyCorrection('Kim Il Sung'));
    expect(plainOfRich(next.doc)).toBe("Criticisms of Kim Il Sung's personality cult.");
    const mark = next.doc.child(1).marks[0];
    expect([mark.type.name, mark.attrs.original, mark.attrs.resp, mark.attrs.when]).toEqual(['correction', 'Kim II Sung', 'edab1', '2025-01-02']);
    // Stored: the plain string is the corrected reading, the rich form keeps the source's.
    const meta = withRichField(emptyMeta('T'), 'summary', next.doc);
    expect(meta.summary).toBe("Criticisms of Kim Il Sung's personality cult.");
    expect(richField(meta, 'summary').child(1).marks[0].attrs.original).toBe('Kim II Sung');
    // Reverted, the source's reading is back and nothing is left to store.
    const back = run(next.apply(next.tr.setSelection(TextSelection.create(next.doc, at + 2))), revertCorrection);
    expect(withRichField(emptyMeta('T'), 'summary', back.doc).rich).toBeUndefined();
  });

  it('take an insertion with the body’s command', () => {
    const text = 'Talks in Pyongyang.';
    const next = run(field(text, 9, 18), toggleInsertion());
    expect(next.doc.child(1).text).toBe('Pyongyang');
    expect(next.doc.child(1).marks.map((m) => [m.type.name, m.attrs.resp])).toEqual([['insertion', 'edab1']]);
  });

  it('apply a QA finding’s fix as one undoable correction keeping the original', () => {
    const state = field(SUMMARY, 0);
    const tr = metaFixTransaction(state, finding)!;
    expect(tr).not.toBeNull();
    const fixed = state.apply(tr);
    expect(plainOfRich(fixed.doc)).toBe("Criticisms of Kim Il Sung's personality cult.");
    const corrected = fixed.doc.child(1);
    expect(corrected.text).toBe('Il');
    expect(corrected.marks[0].attrs).toMatchObject({ original: 'II', resp: 'edab1', when: '2025-01-02' });
    const undone = run(fixed, undo);
    expect(plainOfRich(undone.doc)).toBe(SUMMARY);
  });

  it('refuse a fix whose text changed since the check, and find the finding at the cursor', () => {
    expect(metaFixTransaction(field("Criticisms of Kim Il Sung's cult."), finding)).toBeNull();
    expect(metaFixTransaction(field('short'), finding)).toBeNull();
    expect(metaFindingAt(field(SUMMARY, at + 5), 'summary', [finding])).toBe(finding);
    expect(metaFindingAt(field(SUMMARY, at + 5), 'title', [finding])).toBeNull();
    expect(metaFindingAt(field(SUMMARY, 0), 'summary', [finding])).toBeNull();
  });
});
