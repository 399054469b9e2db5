/**
 * Writes the sample documents in every reading format, as docs/exports shows them:
 * `npx tsx electron/export/testing/render-samples.ts [OUT]` (default .tmp/export-renders).
 * The 1960 document gets three more Korean cells so that every row state shows.
 * The PNGs in docs/exports were made from these files with `pdftoppm -png -r 45`
 * (the PDFs, and the DOCX after `libreoffice --headless --convert-to pdf`) and
 * `chromium --headless --screenshot --force-device-scale-factor=0.7` (the HTML).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { exportEdition } from '../../../shared/export';
import { GLOSSARY, setKorean } from '../../../shared/export/testing/fixtures';
import { text } from '../../../shared/model/build';
import { annotatedSamples } from './tools';
import { printPdf } from '../pdf';
import { finishPdf, type3Warning } from '../pdf-meta';
import { prepareEdition } from '../../../shared/export/edition';
import { defaultExportOptions } from '../../../shared/export/options';
const out = process.argv[2] ?? '.tmp/export-renders';
mkdirSync(out, { recursive: true });
void (async () => {
  const docs = annotatedSamples();
  const d60 = docs[0];
  setKorean(d60, 3, text('[우리 □ 우리]', [{ type: 'proposed', attrs: { id: 'p1' } }]));
  setKorean(d60, 4, text('1960년 8월 30일'));
  setKorean(d60, 5, [{ type: 'gap', attrs: { reason: 'not restored yet', quantity: 1 } }]);
  const ed = prepareEdition({ documents: [d60], glossary: [] }, defaultExportOptions(), { dropEmptyColumns: true });
  console.log(ed.documents[0].segments.map((s) => `${s.id}:${s.state}`).join(' '));
  for (const doc of docs) {
    const tag = doc.id.slice(0, 4);
    const edition = { documents: [doc], glossary: GLOSSARY, title: 'folder-name' };
    const html = await exportEdition('html', edition, {});
    writeFileSync(`${out}/${tag}.html`, html.bytes);
    const print = await exportEdition('pdf-html', edition, {});
    writeFileSync(`${out}/${tag}-print.html`, print.bytes);
    const raw = await printPdf(new TextDecoder().decode(print.bytes), { pageSize: 'A4' });
    writeFileSync(`${out}/${tag}-raw.pdf`, raw);
    const done = await finishPdf(raw, print.print!);
    writeFileSync(`${out}/${tag}.pdf`, done.bytes);
    console.log(tag, 'type3', done.type3Fonts, type3Warning(done.type3Fonts) ?? '');
    writeFileSync(`${out}/${tag}.docx`, (await exportEdition('docx', edition, {})).bytes);
    writeFileSync(`${out}/${tag}.txt`, (await exportEdition('txt', edition, {})).bytes);
    writeFileSync(`${out}/${tag}.md`, (await exportEdition('md', edition, {})).bytes);
  }
})();
