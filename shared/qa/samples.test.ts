/**
 * QA on the two sample documents as imported, with the starter termbase as the
 * glossary (a new project's): every finding is listed, so a rule that starts
 * flagging clean text fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishSpeller } from '../../electron/handlers/qa-speller';
import { parseTermbase } from '../../electron/store/termbase';
import { importFile } from '../import';
import { bodyToNode } from '../model/document';
import { checkDocument, countForms, formMatches, qaContext, CheckedDocument, type QaContext, type QaFinding } from '.';

const root = join(__dirname, '..', '..');
const sample = (name: string) => {
  const result = importFile({ name, bytes: readFileSync(join(root, 'resources', 'samples', name)) });
  if (!result.ok) throw new Error(result.error);
  return result.document;
};

let ctx: QaContext;
let found: Record<string, QaFinding[]>;
beforeAll(async () => {
  const termbase = parseTermbase(readFileSync(join(root, 'resources', 'termbase', 'termbase.json'), 'utf8'));
  ctx = qaContext(await englishSpeller(), termbase.entries);
  found = {};
  for (const name of ['1960-08-30-puzanov-conversation.txt', '1963-06-20-kwp-policy-information.txt']) {
    const doc = sample(name);
    found[name.slice(0, 4)] = checkDocument(name.slice(0, 4), doc.meta, bodyToNode(doc.body), ctx);
  }
});

const brief = (list: QaFinding[]) => list.map((f) => `${f.severity} ${f.rule} ${f.place.kind === 'meta' ? `meta:${f.place.field}` : 'body'} ${f.text}`);

describe('QA on the samples as imported', () => {
  it('finds Pusanov beside fifteen Puzanov in the 1960 report, and nothing else to fix', () => {
    expect(brief(found['1960'])).toEqual([
      'info korean.empty body ',
      'info names.unknown body Masan',
      'warning names.two-spellings body Pusanov',
      'info names.unknown body Schneidewind',
      'info names.unknown body Schwab',
    ]);
    const pusanov = found['1960'].find((f) => f.text === 'Pusanov')!;
    expect(pusanov.message).toBe('“Pusanov” here, “Puzanov” 15 times in this document (glossary: Alexander Puzanov)');
    expect(pusanov.fix).toMatchObject({ kind: 'correct', text: 'Puzanov' });
  });

  it('finds the three Kim II Sung (summary and body), Im the, Dreemphasis and the lost bullets in the 1963 report', () => {
    expect(brief(found['1963'])).toEqual([
      'warning ocr.roman-il meta:summary II',
      'info ocr.spelling body Dm',
      'warning ocr.roman-il body II',
      'warning ocr.roman-il body II',
      'warning ocr.letter-slip body Im',
      'warning ocr.lost-bullet body . ',
      'warning ocr.lost-bullet body . ',
      'warning ocr.run-together body Dreemphasis',
      ...Array(4).fill('warning ocr.lost-bullet body . '),
      'warning ocr.lost-bullet body . ',
      'warning ocr.lost-bullet body . ',
    ]);
    expect(found['1963'].filter((f) => f.rule === 'ocr.roman-il').every((f) => f.fix?.kind === 'correct' && f.fix.text === 'Il')).toBe(true);
  });

  it('counts the spellings each document writes, for the project-wide check', () => {
    const doc = sample('1960-08-30-puzanov-conversation.txt');
    const counts = countForms(formMatches(new CheckedDocument('x', doc.meta, bodyToNode(doc.body)), ctx.glossary));
    expect(Object.fromEntries(counts.get('tb-alexander-puzanov')!)).toEqual({ Puzanov: 15, Pusanov: 1 });
  });
});
