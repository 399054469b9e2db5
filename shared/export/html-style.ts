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

/**
 * Korean fonts for print, TrueType (glyf) outlines first. Chromium's PDF writer
 * embeds TrueType fonts as CID fonts (searchable, archivable) but CFF-based ones,
 * such as Noto Serif CJK, as Type 3 pictures of glyphs; Nanum Myeongjo (Linux,
 * Debian `fonts-nanum`), Batang (Windows) and AppleMyungjo (macOS) are TrueType.
 * The PDF export warns when Type 3 fonts slipped in anyway.
 */
export const PRINT_KOREAN = `"NanumMyeongjo", "Nanum Myeongjo", "Batang", "BatangChe", "AppleMyungjo", "UnBatang", ${FONTS.korean}`;
/** Monospace for the witness in print, TrueType first for the same reason. */
export const PRINT_MONO = '"NanumGothicCoding", "DejaVu Sans Mono", "GulimChe", Consolas, Menlo, monospace';

/**
 * Provenance: the archive translator's brackets read as the text they came with
 * (plain), an editor's are tinted and carry the editor's initials.
 */
const PROVENANCE_CSS = `.ins.by-archive { color: inherit; }
.ins.by-editor { background: #eef3f9; border-radius: 2px; }
sup.resp-sigil { font-size: .62em; line-height: 0; font-family: ${FONTS.latin}, sans-serif; font-weight: 600; color: #1f4e79; letter-spacing: .03em; margin-left: .08em; }
.app-resp { color: #555; }
`;

/** Page sizes and the `@page` margins (mm): the paginator's page box is what they leave. */
export const PAGE_BOXES = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
} as const;
export const PAGE_MARGINS = { top: 20, right: 18, bottom: 22, left: 18 } as const;

/** The content area of a page (mm), where the paginator lays a page's text and its notes. */
export function pageContentBox(pageSize: keyof typeof PAGE_BOXES): { width: number; height: number } {
  const box = PAGE_BOXES[pageSize];
  return {
    width: +(box.width - PAGE_MARGINS.left - PAGE_MARGINS.right).toFixed(2),
    height: +(box.height - PAGE_MARGINS.top - PAGE_MARGINS.bottom).toFixed(2),
  };
}

/**
 * Pages built by the paginator (`paginator.ts`): each `.pg` is one page's content
 * area (a hair less, so rounding never spills a page onto a blank sheet), its
 * notes at its foot under a short rule, as printed editions set them.
 */
function pagedCss(pageSize: keyof typeof PAGE_BOXES): string {
  const { width, height } = pageContentBox(pageSize);
  return `.pg { box-sizing: border-box; width: ${width}mm; height: calc(${height}mm - 2px); display: flex; flex-direction: column; overflow: visible; }
.pg + .pg { break-before: page; }
.pg.pg-over { height: auto; min-height: calc(${height}mm - 2px); }
.pg-body { flex: none; display: flow-root; }
.pg .title-page, .pg .document { break-before: auto; break-after: auto; }
.pg .document { margin-bottom: 0; }
.pg .title-page { padding-top: 25%; }
.pg .cont > thead th { color: #888; }
.pg li.cont { display: block; }
.pg tr.split td { border-bottom: none; }
.pg-foot { flex: none; margin-top: auto; padding-top: 5pt; font-size: 8.5pt; line-height: 1.35; color: #222; }
.pg-foot::before { content: ""; display: block; width: 32%; border-top: .6pt solid #555; margin-bottom: 3pt; }
.pg-foot ol { list-style: none; padding: 0; margin: 0; }
.pg-foot li { margin: 0 0 .15em; padding-left: 1.8em; text-indent: -1.8em; }
.pg-foot .fn-back, .pg-foot .app-back { display: inline-block; min-width: 1.8em; text-indent: 0; text-decoration: none; }
.pg-foot .apparatus { margin-top: .2em; }
.pg-failed { font-size: 9pt; color: #8a3b00; }
`;
}

/**
 * The style sheet for a page size; `edition` adds the title page's rules,
 * `print` the fonts and rules of the HTML the PDF printer prints, `provenance`
 * the rules of annotations whose maker is recorded (only then, so an edition
 * without provenance is as before), `paged` the rules of the paginator's pages.
 * The print HTML is only ever printed, and the paginator measures it before
 * printing, on screen: its print rules apply on screen too, so what it measured
 * is what prints.
 */
export function editionCss(
  pageSize: 'A4' | 'Letter',
  edition: boolean,
  print = false,
  provenance = false,
  paged = false,
): string {
  const korean = print ? PRINT_KOREAN : FONTS.korean;
  const mono = print ? PRINT_MONO : FONTS.mono;
  return `
@page {
  size: ${pageSize};
  margin: ${PAGE_MARGINS.top}mm ${PAGE_MARGINS.right}mm ${PAGE_MARGINS.bottom}mm ${PAGE_MARGINS.left}mm;
  @bottom-center { content: counter(page); font-family: ${FONTS.latin}, serif; font-size: 9pt; color: #555; }
}
${edition ? '@page :first { @bottom-center { content: none; } }' : ''}
html { color-scheme: light; }
body {
  font-family: ${FONTS.latin}, ${korean}, serif;
  font-size: 11pt; line-height: 1.5; color: #1b1b1b; background: #fff;
  max-width: 64rem; margin: 0 auto; padding: 2rem 1.5rem;
}
:lang(ko) { font-family: ${korean}, serif; line-height: 1.7; word-break: keep-all; overflow-wrap: anywhere; }
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
.witness { font-family: ${mono}; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 8.5pt; color: #444; font-weight: normal; }
.ins { color: #1f4e79; }
.ins-variant { color: #6a3d8f; }
.ins-expansion { color: #2e6b3a; }
${provenance ? PROVENANCE_CSS : ''}sup.app-ref { font-size: .7em; line-height: 0; font-style: italic; }
sup.app-ref a { text-decoration: none; color: #7a4a00; padding: 0 .05em; }
.apparatus { list-style: none; padding: 0; margin: 0; }
.apparatus li { margin: .2rem 0; }
.apparatus .app-back { display: inline-block; min-width: 1.6em; font-style: italic; text-decoration: none; color: #7a4a00; }
.corrections { font-size: 9.5pt; border-top: 1px solid #999; margin-top: 1.6rem; }
.uv-mark { font-family: ${FONTS.latin}, serif; font-size: .78em; font-style: italic; color: #8a3b00; white-space: nowrap; }
.unverified { background: #fff6e8; box-shadow: inset 3px 0 0 #d9a35f; }
.uv-omitted { font-family: ${FONTS.latin}, serif; font-size: .85em; color: #777; font-style: italic; }
.legend { font-size: 9pt; border: 1px solid #ccc; border-radius: 3px; padding: .3rem .8rem .5rem; margin: 0 0 1.2rem; text-align: left; }
.title-page .legend { max-width: 40rem; margin: 2.5rem auto 0; }
.legend h2 { font-size: 9pt; text-transform: uppercase; letter-spacing: .05em; color: #555; margin: .3rem 0; }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: 0; }
.legend > dl > div { display: contents; }
.legend dt { font-weight: 600; color: #8a3b00; white-space: nowrap; }
.legend dd { margin: 0; }
.row-notes { font-size: 8.5pt; line-height: 1.35; color: #333; border-top: .5px solid #bbb; padding-top: .2em; margin: .1em 0 .5em; }
.row-notes ol { list-style: none; padding: 0; margin: 0; }
.row-notes li { margin: .1em 0; }
table.parallel tr.notes-row td { padding-top: 0; }
table.parallel tr.has-notes td { border-bottom: none; }
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
@media ${print ? 'all' : 'print'} {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .ins { color: #1f4e79; }
${provenance ? '  .ins.by-archive { color: inherit; }\n' : ''}  .title-page { padding-top: 30%; break-after: page; }
  .document + .document { break-before: page; }
  thead { display: table-header-group; }
  /* Rows break across pages rather than leave a page half empty before a long one. */
  table.parallel tr, table.parallel td { break-inside: auto; }
  tr.notes-row { break-before: avoid; }
  .notes { break-before: auto; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
${paged ? pagedCss(pageSize) : ''}`.trim();
}
