/**
 * Test helpers: node and mark builders for our schema (prosemirror-test-builder)
 * and `apply(before, command, after)` in the style of ProseMirror's own tests.
 * `<a>` and `<b>` in builder strings mark the selection.
 */
import { builders } from 'prosemirror-test-builder';
import { EditorState, NodeSelection, TextSelection, type Command, type Plugin } from 'prosemirror-state';
import type { Node } from 'prosemirror-model';
import { history, undo } from 'prosemirror-history';
import { schema } from '../../shared/model/schema';

type Tagged = Node & { tag: Record<string, number> };

const b = builders(schema, {
  seg: { nodeType: 'segment' },
  en: { nodeType: 'english' },
  ko: { nodeType: 'korean' },
  de: { nodeType: 'original' },
  fn: { nodeType: 'footnote' },
  br: { nodeType: 'hard_break' },
  ins: { markType: 'insertion' },
  corr: { markType: 'correction' },
});

export const doc = b.doc;
export const seg = b.seg;
export const en = b.en;
export const ko = b.ko;
export const de = b.de;
export const fn = b.fn;
export const br = b.br;
export const gap = b.gap;
export const ins = b.ins;
export const corr = b.corr;
/** A witness cell with the given lines. */
export const wit = (...lines: string[]) => b.witness({ lines });

/** Editor state for a tagged document: `<a>` (and `<b>`) become the selection, `<node>` a node selection. */
export function stateFor(d: Node, plugins: Plugin[] = []): EditorState {
  const tag = (d as Tagged).tag ?? {};
  let selection;
  if (tag.node !== undefined) selection = NodeSelection.create(d, tag.node);
  else if (tag.a !== undefined) selection = TextSelection.create(d, tag.a, tag.b ?? tag.a);
  return EditorState.create({ doc: d, selection, plugins: [history(), ...plugins] });
}

/** Segment ids are random in new segments: blank them so documents compare by content. */
export function withoutIds(d: Node): Node {
  const json = d.toJSON() as { content?: { attrs?: Record<string, unknown> }[] };
  for (const segment of json.content ?? []) if (segment.attrs) segment.attrs.id = '';
  return schema.nodeFromJSON(json);
}

/** Runs a command and returns the resulting state, or null when the command did not apply. */
export function run(state: EditorState, command: Command): EditorState | null {
  let result: EditorState | null = null;
  const applied = command(state, (tr) => {
    result = state.apply(tr);
  });
  if (!applied) return null;
  // A command that applies must also say so when asked without dispatch.
  if (!command(state)) throw new Error('command applies but reports it does not when dry-run');
  return result ?? state;
}

/**
 * Asserts that running `command` on `before` gives `after` (or does not apply when
 * `after` is null), and that one undo gives back `before`.
 */
export function apply(before: Node, command: Command, after: Node | null, plugins: Plugin[] = []): EditorState | null {
  const state = stateFor(before, plugins);
  const result = run(state, command);
  if (after === null) {
    if (result) throw new Error(`expected the command not to apply, got ${result.doc.toString()}`);
    return null;
  }
  if (!result) throw new Error('expected the command to apply');
  expectDoc(result.doc, after);
  let undone: EditorState | null = null;
  undo(result, (tr) => {
    undone = result.apply(tr);
  });
  if (!undone) throw new Error('nothing to undo after the command');
  expectDoc((undone as EditorState).doc, before);
  return result;
}

/** Compares documents by content (segment ids aside). */
export function expectDoc(actual: Node, expected: Node): void {
  const a = withoutIds(actual);
  const e = withoutIds(expected);
  if (!a.eq(e)) throw new Error(`documents differ\n  actual:   ${a.toString()}\n  expected: ${e.toString()}`);
}

/** Position of a tag in a tagged node. */
export function tagOf(node: Node, name: string): number {
  const pos = (node as Tagged).tag?.[name];
  if (pos === undefined) throw new Error(`no <${name}> tag`);
  return pos;
}
