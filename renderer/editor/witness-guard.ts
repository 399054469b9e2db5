/**
 * The witness guard: no edit may change the document's sequence of witness lines
 * (see `witnessSequence`). Lines may move between rows (split, merge, moving a
 * line), but a deletion across rows, a paste of copied rows or any other edit
 * that would drop, duplicate or alter a line is refused.
 *
 * Typing never touches a witness, so the check is a quick look at the changed
 * ranges; the full comparison (linear in the number of rows) runs only when a
 * step reaches a witness node.
 */
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { AttrStep, ReplaceAroundStep, ReplaceStep, type Step } from 'prosemirror-transform';
import type { Node } from 'prosemirror-model';
import { witnessSequence } from './positions';

export const witnessGuardKey = new PluginKey('witnessGuard');

/** Marks a transaction as allowed to change witness lines (e.g. a repair from the source). */
export function allowWitnessChange(tr: Transaction): Transaction {
  return tr.setMeta(witnessGuardKey, 'allow');
}

function hasWitness(doc: Node, from: number, to: number): boolean {
  let found = false;
  if (to <= from) return false;
  doc.nodesBetween(from, to, (node) => {
    if (node.type.name === 'witness') found = true;
    return !found && !node.isTextblock;
  });
  return found;
}

function sliceHasWitness(step: ReplaceStep | ReplaceAroundStep): boolean {
  let found = false;
  step.slice.content.descendants((node) => {
    if (node.type.name === 'witness') found = true;
    return !found && !node.isTextblock;
  });
  return found;
}

function stepMayTouchWitness(step: Step, doc: Node): boolean {
  if (step instanceof AttrStep) return doc.nodeAt(step.pos)?.type.name === 'witness';
  if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
    return sliceHasWitness(step) || hasWitness(doc, step.from, step.to);
  }
  return false;
}

/** True when a transaction leaves the witness sequence as it was. */
export function keepsWitness(tr: Transaction): boolean {
  if (!tr.docChanged) return true;
  let touched = false;
  for (let i = 0; i < tr.steps.length && !touched; i++) touched = stepMayTouchWitness(tr.steps[i], tr.docs[i]);
  if (!touched) return true;
  const before = witnessSequence(tr.before);
  const after = witnessSequence(tr.doc);
  return before.length === after.length && before.every((line, i) => line === after[i]);
}

/** Builds the plugin that refuses transactions breaking the witness invariant. */
export function buildWitnessGuard(): Plugin {
  return new Plugin({
    key: witnessGuardKey,
    filterTransaction: (tr) => tr.getMeta(witnessGuardKey) === 'allow' || keepsWitness(tr),
  });
}
