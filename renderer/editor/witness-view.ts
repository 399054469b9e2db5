/**
 * The witness cell: the garbled Korean, read-only and byte-exact.
 *
 * Every character is its own span carrying `data-line` (the line's index in this
 * row) and `data-col` (the UTF-16 index in the line), so the witness check can
 * point at single characters. Highlights come in through node decorations whose
 * spec has `witnessHighlights` (see `WitnessHighlight`): the extension point for
 * live checking, which needs no change here.
 *
 * Between lines a small handle splits the row before that line. A line split into
 * pieces (shared/model/witness-pieces.ts) shows where it goes on: a piece that
 * continues ends in a seam mark, and between two pieces of one row a join button
 * puts them back together. Alt+click on a character splits its line before it.
 */
import type { Node } from 'prosemirror-model';
import type { Decoration, EditorView, NodeView } from 'prosemirror-view';
import { joinWitnessLine, splitSegment, splitWitnessLine } from './commands/segments';

/** A highlighted stretch of one witness line: characters `from` (inclusive) to `to` (exclusive). */
export interface WitnessHighlight {
  line: number;
  from: number;
  to: number;
  className: string;
  title?: string;
}

/** Collects the highlights that node decorations ask for. */
export function highlightsOf(decorations: readonly Decoration[]): WitnessHighlight[] {
  const out: WitnessHighlight[] = [];
  for (const deco of decorations) {
    const list = (deco.spec as { witnessHighlights?: WitnessHighlight[] }).witnessHighlights;
    if (list) out.push(...list);
  }
  return out;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((line, i) => line === b[i]));
}

function sameFlags(a: readonly boolean[] | undefined, b: readonly boolean[] | undefined): boolean {
  return a === b || ((a ?? []).length === (b ?? []).length && (a ?? []).every((flag, i) => flag === (b ?? [])[i]));
}

function flagsOf(node: Node): readonly boolean[] {
  return (node.attrs.continues as boolean[] | undefined) ?? [];
}

function highlightKey(highlights: readonly WitnessHighlight[]): string {
  return highlights.map((h) => `${h.line}:${h.from}-${h.to}.${h.className}.${h.title ?? ''}`).join('|');
}

export class WitnessView implements NodeView {
  readonly dom: HTMLElement;
  private node: Node;
  private highlights: string;
  private current: readonly WitnessHighlight[] = [];

  constructor(
    node: Node,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
    decorations: readonly Decoration[],
  ) {
    this.node = node;
    this.dom = document.createElement('div');
    this.dom.className = 'witness';
    this.dom.dataset.column = 'witness';
    this.dom.contentEditable = 'false';
    this.dom.spellcheck = false;
    this.dom.setAttribute('translate', 'no');
    this.dom.addEventListener('click', this.onClick);
    const highlights = highlightsOf(decorations);
    this.highlights = highlightKey(highlights);
    this.render(node.attrs.lines as string[], highlights, flagsOf(node));
    this.current = highlights;
  }

  private render(lines: readonly string[], highlights: readonly WitnessHighlight[], continues: readonly boolean[]): void {
    const doc = this.dom.ownerDocument;
    const fragment = doc.createDocumentFragment();
    this.dom.classList.toggle('witness-empty', lines.length === 0);
    this.dom.setAttribute('aria-label', lines.length ? `Witness, ${lines.length} line${lines.length === 1 ? '' : 's'}` : 'No witness lines');
    lines.forEach((line, lineIndex) => {
      if (lineIndex > 0 && continues[lineIndex - 1]) {
        // Two pieces of one imported line: a join button between them.
        const join = doc.createElement('button');
        join.type = 'button';
        join.className = 'witness-join';
        join.tabIndex = -1;
        join.dataset.line = String(lineIndex - 1);
        join.title = `Join witness lines ${lineIndex} and ${lineIndex + 1} back into one line`;
        join.setAttribute('aria-label', join.title);
        fragment.appendChild(join);
      }
      if (lineIndex > 0) {
        const handle = doc.createElement('button');
        handle.type = 'button';
        handle.className = 'witness-split';
        handle.tabIndex = -1;
        handle.dataset.line = String(lineIndex);
        handle.title = `Split the row before witness line ${lineIndex + 1}`;
        handle.setAttribute('aria-label', handle.title);
        fragment.appendChild(handle);
      }
      const row = doc.createElement('div');
      row.className = 'witness-line';
      row.dataset.line = String(lineIndex);
      const classes = new Map<number, string[]>();
      const titles = new Map<number, string>();
      for (const h of highlights) {
        if (h.line !== lineIndex) continue;
        for (let col = Math.max(0, h.from); col < Math.min(line.length, h.to); col++) {
          classes.set(col, [...(classes.get(col) ?? []), h.className]);
          if (h.title) titles.set(col, h.title);
        }
      }
      for (let col = 0; col < line.length; col++) {
        const span = doc.createElement('span');
        span.className = 'wc';
        span.dataset.line = String(lineIndex);
        span.dataset.col = String(col);
        const extra = classes.get(col);
        if (extra) span.classList.add(...extra);
        const title = titles.get(col);
        if (title) span.title = title;
        span.textContent = line[col];
        row.appendChild(span);
      }
      if (!line.length) row.classList.add('witness-line-blank');
      if (continues[lineIndex]) {
        row.classList.add('witness-line-continues');
        row.title = 'This line goes on in the next line (split here; joined, they are the line as imported)';
      }
      fragment.appendChild(row);
    });
    this.dom.replaceChildren(fragment);
  }

  update(node: Node, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type) return false;
    const highlights = highlightsOf(decorations);
    const key = highlightKey(highlights);
    const lines = node.attrs.lines as string[];
    if (!sameLines(lines, this.node.attrs.lines as string[]) || !sameFlags(flagsOf(node), flagsOf(this.node))) this.render(lines, highlights, flagsOf(node));
    else if (key !== this.highlights) this.patch(highlights);
    this.highlights = key;
    this.current = highlights;
    this.node = node;
    return true;
  }

  /**
   * Same lines, other highlights: restyles only the characters of the highlights
   * that came or went (the caret's word moves on every keystroke; a long line
   * must not be redrawn for it).
   */
  private patch(highlights: readonly WitnessHighlight[]): void {
    const keyOf = (h: WitnessHighlight) => `${h.line}:${h.from}-${h.to}.${h.className}.${h.title ?? ''}`;
    const before = new Set(this.current.map(keyOf));
    const after = new Set(highlights.map(keyOf));
    const touched = new Map<number, Set<number>>();
    for (const h of [...this.current.filter((x) => !after.has(keyOf(x))), ...highlights.filter((x) => !before.has(keyOf(x)))]) {
      const cols = touched.get(h.line) ?? new Set<number>();
      for (let col = h.from; col < h.to; col++) cols.add(col);
      touched.set(h.line, cols);
    }
    const rows = this.dom.querySelectorAll(':scope > .witness-line');
    for (const [line, cols] of touched) {
      const row = rows[line];
      if (!row) continue;
      for (const col of cols) {
        const span = row.children[col] as HTMLElement | undefined;
        if (!span) continue;
        const own = highlights.filter((h) => h.line === line && col >= h.from && col < h.to);
        span.className = ['wc', ...own.map((h) => h.className)].join(' ');
        const title = own.reduce<string | undefined>((t, h) => h.title ?? t, undefined);
        if (title) span.title = title;
        else span.removeAttribute('title');
      }
    }
  }

  /**
   * Events on the witness's own controls (the handles, Alt+click on a character)
   * are not ProseMirror's; the cell's click listener acts on them.
   */
  stopEvent(event: Event): boolean {
    const target = event.target as HTMLElement | null;
    if (target?.closest?.('.witness-join, .witness-split')) return true;
    return (event as MouseEvent).altKey === true && !!target?.closest?.('.wc');
  }

  /** Clicks on the handles and Alt+clicks on characters (ProseMirror listens to no click). */
  private readonly onClick = (event: MouseEvent): void => {
    const target = event.target as HTMLElement | null;
    const join = target?.closest?.('.witness-join') as HTMLElement | null;
    const split = target?.closest?.('.witness-split') as HTMLElement | null;
    const char = event.altKey ? (target?.closest?.('.wc') as HTMLElement | null) : null;
    if (join) this.run((row) => joinWitnessLine(row, Number(join.dataset.line)));
    else if (split) this.splitBefore(Number(split.dataset.line));
    else if (char) {
      const line = Number(char.dataset.line);
      const offset = Number(char.dataset.col);
      this.run((row) => splitWitnessLine({ row, line, offset }));
    } else return;
    event.preventDefault();
    this.view.focus();
  };

  /** Runs a command made for this row's index. */
  private run(make: (row: number) => (state: EditorView['state'], dispatch: EditorView['dispatch']) => boolean): void {
    const pos = this.getPos();
    if (pos === undefined) return;
    make(this.view.state.doc.resolve(pos).index(0))(this.view.state, this.view.dispatch);
  }

  private splitBefore(line: number): void {
    const pos = this.getPos();
    if (pos === undefined) return;
    const index = this.view.state.doc.resolve(pos).index(0);
    splitSegment({ segmentIndex: index, witnessLine: line })(this.view.state, this.view.dispatch);
    this.view.focus();
  }

  ignoreMutation(): boolean {
    return true;
  }
}
