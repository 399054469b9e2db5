/**
 * The live quality check of one document, wherever it runs (the worker, or this process
 * when there is no worker): the document's ProseMirror tree is built and every rule run
 * over it, with the English dictionary loaded once and the context (dictionary memo,
 * glossary index) kept while the words stay the same. For a long document this is
 * hundreds of milliseconds of work, which is why it runs off the main process.
 */
import { bodyToNode } from '../../shared/model/document';
import { CheckedDocument, checkDocument, countForms, formMatches, qaContext, type QaContext, type Speller } from '../../shared/qa';
import type { LiveCheckRequest, LiveCheckResult } from './protocol';
import { englishSpeller } from '../handlers/qa-speller';

/** The words named by a request's key are not held here (a new worker): send them. */
export class UnknownWords extends Error {
  constructor(key: string) {
    super(`The live check does not hold the words ${key.slice(0, 40)}… (send them)`);
  }
}

export class LiveCheckEngine {
  private held: { key: string; context: QaContext } | null = null;

  constructor(private readonly speller: () => Promise<Speller> = englishSpeller) {}

  async check(input: LiveCheckRequest['input']): Promise<LiveCheckResult> {
    const { words } = input;
    if ('glossary' in words) {
      if (this.held?.key !== words.key) this.held = { key: words.key, context: qaContext(await this.speller(), words.glossary, words.extra) };
    } else if (this.held?.key !== words.key) throw new UnknownWords(words.key);
    const context = this.held!.context;
    let node;
    try {
      node = bodyToNode(input.body);
    } catch (err) {
      throw new Error(`The document to check is not valid: ${(err as Error).message}`, { cause: err });
    }
    const checked = new CheckedDocument(input.document, input.meta, node);
    const own = countForms(formMatches(checked, context.glossary));
    const all = checkDocument(input.document, input.meta, node, { ...context, otherForms: input.otherForms }, { checked });
    const ignored = new Set(input.ignored);
    const findings = all.filter((f) => !ignored.has(f.key));
    return { findings, ignoredCount: all.length - findings.length, own };
  }
}
