/**
 * Heights of rows that are not drawn: measured when a drawn row leaves the
 * window, estimated before that from the text's length and text metrics
 * measured in the DOM of a drawn row's cells (line height, average character
 * width, padding, per column), never copied from the CSS, so a change of font,
 * size or line height there (the Korean cells use a taller line than the
 * English) is followed here. Scroll anchoring keeps what is on screen in place
 * when a drawn row turns out otherwise.
 */
import type { Node } from 'prosemirror-model';

/** How text lays out in one column's cells. */
export interface CellMetrics {
  /** Width available to the text, in px. */
  width: number;
  lineHeight: number;
  /** Average width of a Latin character. */
  charWidth: number;
  /** Average width of a wide (Hangul, CJK) character. */
  wideCharWidth: number;
  /** Padding and borders above and below the text. */
  padding: number;
  /** The cell's minimum height (border box). */
  minHeight: number;
}

/** Metrics of each column of a row, by column node name (`english`, `witness`, `korean`, `original`). */
export type RowMetrics = Readonly<Record<string, CellMetrics>>;

/**
 * A neutral guess for the moment between a long document's first state and
 * the first measure of a drawn row (one frame): a rough line of text, not the
 * CSS's figures. Every estimate made with it is dropped at the first measure.
 */
const GUESS: CellMetrics = { width: 300, lineHeight: 24, charWidth: 8, wideCharWidth: 16, padding: 18, minHeight: 0 };
export const UNMEASURED: RowMetrics = { english: GUESS, witness: GUESS, korean: GUESS, original: GUESS };

/** Whether a character takes a wide cell (Hangul Jamo and everything from U+1100 on, as the old estimate). */
function isWide(code: number): boolean {
  return code >= 0x1100;
}

/** Lines a text of this many narrow and wide characters takes in a cell. */
function linesOf(narrow: number, wide: number, cell: CellMetrics): number {
  return Math.max(1, Math.ceil((narrow * cell.charWidth + wide * cell.wideCharWidth) / Math.max(40, cell.width)));
}

function cellHeight(lines: number, cell: CellMetrics): number {
  return Math.max(cell.minHeight, lines * cell.lineHeight + cell.padding);
}

/**
 * The estimated height of a row: the tallest of its cells, from each cell's
 * text (the witness: each of its lines) wrapped at its column's width.
 */
export function estimateRowHeight(node: Node, metrics: RowMetrics): number {
  let tallest = 0;
  node.forEach((column) => {
    const cell = metrics[column.type.name] ?? metrics.english ?? GUESS;
    let lines = 0;
    if (column.type.name === 'witness') {
      for (const line of column.attrs.lines as string[]) lines += linesOf(line.length, 0, cell);
      lines = Math.max(1, lines);
    } else {
      const text = column.textContent;
      let wide = 0;
      for (let i = 0; i < text.length; i++) if (isWide(text.charCodeAt(i))) wide++;
      lines = linesOf(text.length - wide, wide, cell);
    }
    tallest = Math.max(tallest, cellHeight(lines, cell));
  });
  return Math.round(tallest);
}

/**
 * Heights of rows by row node, for one editor: measured when a drawn row
 * leaves the window, estimated otherwise. An edited row is a new node, and is
 * estimated or measured again; new metrics (a new editor width) start afresh.
 */
export class RowHeights {
  private measured = new WeakMap<Node, number>();
  private estimated = new WeakMap<Node, number>();
  private metrics: RowMetrics = UNMEASURED;
  /** Width of the editor the heights belong to (0 before the first measure). */
  editorWidth = 0;

  get(node: Node): number {
    let height = this.measured.get(node) ?? this.estimated.get(node);
    if (height === undefined) this.estimated.set(node, (height = estimateRowHeight(node, this.metrics)));
    return height;
  }

  set(node: Node, height: number): void {
    this.measured.set(node, height);
  }

  /** New metrics for a new width: every height is stale. */
  reset(editorWidth: number, metrics: RowMetrics): void {
    this.editorWidth = editorWidth;
    this.metrics = metrics;
    this.measured = new WeakMap();
    this.estimated = new WeakMap();
  }
}

// --- Measuring, in the DOM of a drawn row.

const LATIN_SAMPLE = 'The delegation of the Korean Workers Party, 1960: talks on trade and aid.';
// No spaces: a space in Korean text is counted as a narrow character.
const WIDE_SAMPLE = '김일성동지는조선로동당의입장을설명하였다';

let canvas: CanvasRenderingContext2D | null | undefined;

/** Average character width of `sample` in the cell's font (a canvas measures without touching the editor's DOM). */
function averageWidth(style: CSSStyleDeclaration, sample: string): number | null {
  if (canvas === undefined) canvas = document.createElement('canvas').getContext('2d');
  if (!canvas) return null;
  // Built from the longhands: the computed `font` shorthand may be empty or carry parts a canvas rejects.
  canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return canvas.measureText(sample).width / [...sample].length;
}

const px = (value: string) => parseFloat(value) || 0;

/** The text metrics of a rendered cell, from its computed style and its font. */
export function measureCell(cell: HTMLElement): CellMetrics {
  const style = getComputedStyle(cell);
  const fontSize = px(style.fontSize);
  // `normal` has no number; browsers lay it out at about 1.2 em.
  const lineHeight = style.lineHeight === 'normal' ? fontSize * 1.2 : px(style.lineHeight);
  const vertical = px(style.paddingTop) + px(style.paddingBottom) + px(style.borderTopWidth) + px(style.borderBottomWidth);
  const horizontal = px(style.paddingLeft) + px(style.paddingRight);
  const minHeight = px(style.minHeight) + (style.boxSizing === 'border-box' ? 0 : vertical);
  const charWidth = averageWidth(style, LATIN_SAMPLE) ?? fontSize / 2;
  return {
    width: cell.clientWidth - horizontal,
    lineHeight,
    charWidth,
    wideCharWidth: averageWidth(style, WIDE_SAMPLE) ?? charWidth * 2,
    padding: vertical,
    minHeight,
  };
}

/**
 * The metrics of each column, measured in a drawn row's cells. A column the
 * row lacks (a document without the original) borrows the English's.
 */
export function measureRow(row: Element): RowMetrics {
  const metrics: Record<string, CellMetrics> = {};
  for (const cell of Array.from(row.children)) {
    for (const name of ['english', 'witness', 'korean', 'original']) {
      if (cell.classList.contains(name) && !metrics[name]) metrics[name] = measureCell(cell as HTMLElement);
    }
  }
  const english = metrics.english ?? GUESS;
  return { english, witness: metrics.witness ?? english, korean: metrics.korean ?? english, original: metrics.original ?? english };
}
