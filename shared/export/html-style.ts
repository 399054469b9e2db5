/**
 * The style sheet of HTML editions, inlined so the file stands alone. Fonts are
 * named with fallbacks (nothing is fetched): a Latin serif, then a Korean serif
 * for Hangul. Print rules give A4/Letter pages with numbers in the bottom
 * margin box (`@bottom-center`, Chromium 131 and later) and start each document
 * on a new page.
 */

/** Font stacks, shared with the DOCX exporter's choices. */
export const FONTS = {
  latin: '"Noto Serif", "Source Serif 4", Georgia, "DejaVu Serif", "Times New Roman"',
  korean: '"Noto Serif CJK KR", "Source Han Serif K", "Nanum Myeongjo", "Batang", "AppleMyungjo", "Noto Sans CJK KR"',
  mono: '"Noto Sans Mono CJK KR", "DejaVu Sans Mono", Consolas, monospace',
} as const;

/** The style sheet for a page size; `edition` adds the title page's rules. */
export function editionCss(pageSize: 'A4' | 'Letter', edition: boolean): string {
  return `
@page {
  size: ${pageSize};
  margin: 20mm 18mm 22mm 18mm;
  @bottom-center { content: counter(page); font-family: ${FONTS.latin}, serif; font-size: 9pt; color: #555; }
}
${edition ? '@page :first { @bottom-center { content: none; } }' : ''}
html { color-scheme: light; }
body {
  font-family: ${FONTS.latin}, ${FONTS.korean}, serif;
  font-size: 11pt; line-height: 1.5; color: #1b1b1b; background: #fff;
  max-width: 64rem; margin: 0 auto; padding: 2rem 1.5rem;
}
:lang(ko) { font-family: ${FONTS.korean}, serif; line-height: 1.7; word-break: keep-all; overflow-wrap: anywhere; }
h1, h2 { line-height: 1.25; font-weight: 600; }
h1 { font-size: 1.6em; margin: 0 0 .6rem; }
h2 { font-size: 1.1em; margin: 1.6rem 0 .5rem; }
a { color: #1f4e79; }
.title-page { text-align: center; padding-top: 18vh; }
.title-page h1 { font-size: 2.2em; }
.title-page .subtitle { color: #555; }
.toc { text-align: left; max-width: 40rem; margin: 3rem auto 0; }
.toc ol { padding-left: 1.4em; }
.toc li { margin: .35rem 0; }
.toc .toc-date { color: #555; font-size: .9em; }
.document { margin-bottom: 3rem; }
.doc-kicker { color: #555; font-size: .85em; margin: 0 0 .3rem; text-transform: uppercase; letter-spacing: .05em; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; font-size: 9.5pt; margin: 0 0 1.4rem; }
.meta > div { display: contents; }
.meta dt { font-weight: 600; color: #444; }
.meta dd { margin: 0; }
table.parallel { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.parallel th {
  text-align: left; font-size: 8.5pt; font-weight: 600; text-transform: uppercase; letter-spacing: .04em;
  color: #555; border-bottom: 1px solid #999; padding: .3em .6em;
}
table.parallel td { vertical-align: top; padding: .4em .6em; border-bottom: 1px solid #e6e6e6; }
.seg { margin: 0 0 .7em; }
.role-head { font-weight: 600; }
.role-closer:lang(en) { font-style: italic; }
.role-distribution { font-size: .92em; }
.witness { font-family: ${FONTS.mono}; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 8.5pt; color: #444; font-weight: normal; }
.ins { color: #1f4e79; }
.ins-variant { color: #6a3d8f; }
.ins-expansion { color: #2e6b3a; }
.corr-note { font-size: .72em; color: #666; vertical-align: super; line-height: 0; }
.corr-original { text-decoration: underline dotted #999; }
.gap { color: #777; letter-spacing: .05em; }
.unclear { text-decoration: underline dotted #888; }
.unclear .q { font-size: .8em; color: #666; }
sup.fnref { font-size: .7em; line-height: 0; }
sup.fnref a { text-decoration: none; padding: 0 .1em; }
.notes { font-size: 9.5pt; border-top: 1px solid #999; margin-top: 1.6rem; }
.notes ol { list-style: none; padding: 0; margin: 0; }
.notes li { margin: .3rem 0; padding-left: 2.2em; text-indent: -2.2em; }
.notes .fn-back { display: inline-block; min-width: 2.2em; text-indent: 0; text-decoration: none; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .ins { color: #1f4e79; }
  .title-page { padding-top: 30%; break-after: page; }
  .document + .document { break-before: page; }
  thead { display: table-header-group; }
  .notes { break-before: auto; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`.trim();
}
