/**
 * The gap glyph: how a `gap` node (illegible or lost text, the OCR box) is
 * written as text, in plain-text exports, the clipboard, and the restoration
 * the witness check reads, where it is the placeholder that stands for any
 * witness text (`AUTOFILL_GAP`, the check's `wildcard`).
 */
export const GAP_GLYPH = '\u25A1'; // □
