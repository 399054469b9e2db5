/**
 * CLI commands over a project: import, list, show, glossary, export. They open
 * the project store and go through the same handler table as the app.
 */
import { basename, resolve } from 'node:path';
import type { CliCommand, CliIO } from './types';
import { EXIT } from './types';
import { parseProjectArgs, usageError } from './args';
import { ProjectStore } from '../store/project-store';
import { fillProject } from '../store/create-project';
import { readImportFile } from '../store/read-input';
import { createHandlers, type HandlerContext } from '../handlers';
import { dispatch } from '../../shared/ipc/dispatch';
import type { Envelope, HandlerTable } from '../../shared/ipc/contract';
import { UserError, isUserError } from '../../shared/errors';
import { NAME_TYPES } from '../../shared/model/schema';
import { EXPORT_FORMATS, FORMAT_FILES } from '../../shared/export/options';
import { writeFileDurable } from '../store/durable-file';
import { parseImports } from '../import/run';
import { createChromiumPrinter } from '../export/pdf';

interface ProjectAccess {
  write?: boolean;
  create?: boolean;
  holder: string;
  context?: Partial<HandlerContext>;
}

/**
 * Opens the project, runs `fn` with its handlers, closes it; user errors become exit code 1.
 * With `create`, a missing project is created with what `fn` writes, or not at all (create-project.ts).
 */
export async function withProject(
  dir: string,
  io: CliIO,
  access: ProjectAccess,
  fn: (handlers: HandlerTable) => Promise<number>,
): Promise<number> {
  const run = (store: ProjectStore) => fn(createHandlers({ store: () => store, ...access.context }));
  try {
    if (access.create) return await fillProject(dir, { holder: access.holder }, run);
    const store = await ProjectStore.open(dir, { write: access.write, holder: access.holder });
    try {
      return await run(store);
    } finally {
      await store.close();
    }
  } catch (err) {
    if (!isUserError(err)) throw err;
    io.stderr(`interlinea: ${err.message}\n`);
    return EXIT.userError;
  }
}

/** The value of an envelope, or a UserError with its message. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new UserError(envelope.error.message, envelope.error.code);
  return envelope.value;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import archive pages (text, markdown-like, HTML, TEI) into a project, creating it if missing',
  usage:
    'Usage: interlinea import FILE... --project DIR\n\nPrints one line per imported document: id<TAB>title. If any file fails, nothing is imported.',
  async run(argv, io) {
    const args = parseProjectArgs(this, argv, io, {});
    if ('exit' in args) return args.exit;
    const dir = args.dir;
    if (!args.positionals.length) return usageError(this, io, 'no files to import');
    const files: { name: string; bytes: Uint8Array }[] = [];
    try {
      for (const path of args.positionals) files.push(await readImportFile(resolve(io.cwd, path)));
    } catch (err) {
      if (!isUserError(err)) throw err;
      io.stderr(`interlinea: ${err.message}\nNothing was imported.\n`);
      return EXIT.userError;
    }
    // Parse everything before the project is touched (the import worker bounds memory
    // and time); the store then writes the batch whole or not at all.
    const parsed = await parseImports(files);
    const failures = parsed.flatMap((result) => (result.ok ? [] : [result.error]));
    if (failures.length) {
      io.stderr(`interlinea: ${failures.join('\n')}\nNothing was imported.\n`);
      return EXIT.userError;
    }
    // The handler gets these files again through dispatch: hand it what was parsed.
    const same = (again: { name: string; bytes: Uint8Array }[]) =>
      again.length === files.length && again.every((f, i) => f.name === files[i].name && f.bytes.length === files[i].bytes.length);
    const context = { parseImports: async (again: typeof files) => (same(again) ? parsed : parseImports(again)) };
    return withProject(dir, io, { write: true, create: true, holder: 'interlinea import (CLI)', context }, async (handlers) => {
      const { imported } = unwrap(await dispatch(handlers, 'importFiles', { files }));
      for (const doc of imported) io.stdout(`${doc.id}\t${doc.title}\n`);
      return EXIT.ok;
    });
  },
};

export const listCommand: CliCommand = {
  name: 'list',
  summary: "List a project's documents",
  usage:
    'Usage: interlinea list --project DIR [--json]\n\nText: id<TAB>date<TAB>title per line. JSON: an array of {id, title, date}. Damaged files are reported on stderr.',
  async run(argv, io) {
    const args = parseProjectArgs(this, argv, io, { json: { type: 'boolean' } }, false);
    if ('exit' in args) return args.exit;
    const dir = args.dir;
    return withProject(dir, io, { holder: 'interlinea list (CLI)' }, async (handlers) => {
      const { documents, problems } = unwrap(await dispatch(handlers, 'listDocuments', {}));
      for (const p of problems) io.stderr(`interlinea: ${p.message}\n`);
      if (args.values.json) {
        io.stdout(
          JSON.stringify(
            documents.map(({ id, title, date }) => ({ id, title, date })),
            null,
            2,
          ) + '\n',
        );
      } else {
        for (const d of documents) io.stdout(`${d.id}\t${d.date}\t${d.title}\n`);
      }
      return EXIT.ok;
    });
  },
};

export const showCommand: CliCommand = {
  name: 'show',
  summary: 'Print one stored document',
  usage:
    'Usage: interlinea show ID --project DIR [--json]\n\nWith --json prints the stored document; otherwise its metadata and English text.',
  async run(argv, io) {
    const args = parseProjectArgs(this, argv, io, { json: { type: 'boolean' } });
    if ('exit' in args) return args.exit;
    const dir = args.dir;
    if (args.positionals.length !== 1) return usageError(this, io, 'give exactly one document ID');
    return withProject(dir, io, { holder: 'interlinea show (CLI)' }, async (handlers) => {
      const doc = unwrap(await dispatch(handlers, 'getDocument', { id: args.positionals[0] }));
      if (args.values.json) {
        io.stdout(JSON.stringify(doc, null, 2) + '\n');
      } else {
        const { exportEdition } = await import('../../shared/export');
        const { defaultExportOptions } = await import('../../shared/export/options');
        const text = await exportEdition(
          'txt',
          { documents: [doc], glossary: [] },
          defaultExportOptions({ columns: { english: true, korean: true } }),
        );
        io.stdout(new TextDecoder().decode(text.bytes));
      }
      return EXIT.ok;
    });
  },
};

export const glossaryCommand: CliCommand = {
  name: 'glossary',
  summary: "Add to or list a project's glossary",
  usage: [
    'Usage: interlinea glossary add --project DIR --en TEXT --ko TEXT [--ko TEXT]... [--type person|organisation|place|term] [--variant TEXT]... [--note TEXT]',
    '       interlinea glossary list --project DIR [--json]   (text: type, English, Korean, variants, origin: user or termbase)',
  ].join('\n'),
  async run(argv, io) {
    const args = parseProjectArgs(this, argv, io, {
      en: { type: 'string' },
      ko: { type: 'string', multiple: true },
      type: { type: 'string' },
      variant: { type: 'string', multiple: true },
      note: { type: 'string' },
      json: { type: 'boolean' },
    });
    if ('exit' in args) return args.exit;
    const [sub, ...rest] = args.positionals;
    if (rest.length) return usageError(this, io, `unexpected argument ${rest[0]}`);
    const dir = args.dir;
    const v = args.values;
    if (sub === 'list') {
      return withProject(dir, io, { holder: 'interlinea glossary (CLI)' }, async (handlers) => {
        const { enabled } = unwrap(await dispatch(handlers, 'glossaryTermbase', {}));
        // Where each entry comes from, and whether suggestions use it (not a termbase entry the project switched off).
        const entries = unwrap(await dispatch(handlers, 'glossaryList', {})).map((e) => {
          const origin = e.origin ?? 'user';
          return { ...e, origin, inUse: origin !== 'termbase' || enabled };
        });
        if (v.json) io.stdout(JSON.stringify(entries, null, 2) + '\n');
        else
          for (const e of entries)
            io.stdout(`${e.type}\t${e.en}\t${e.ko.join(', ')}\t${e.variants.join(', ')}\t${e.origin}${e.inUse ? '' : ' (switched off)'}\n`);
        return EXIT.ok;
      });
    }
    if (sub !== 'add') return usageError(this, io, sub ? `unknown subcommand ${sub}` : 'say add or list');
    if (typeof v.en !== 'string' || !v.en.trim()) return usageError(this, io, 'missing --en TEXT');
    const ko = (v.ko as string[] | undefined) ?? [];
    if (!ko.length) return usageError(this, io, 'missing --ko TEXT');
    const type = (v.type as string | undefined) ?? 'term';
    if (!(NAME_TYPES as readonly string[]).includes(type))
      return usageError(this, io, `--type must be one of ${NAME_TYPES.join(', ')}`);
    return withProject(dir, io, { write: true, holder: 'interlinea glossary add (CLI)' }, async (handlers) => {
      const entry = unwrap(
        await dispatch(handlers, 'glossaryAdd', {
          en: v.en,
          ko,
          type,
          variants: (v.variant as string[] | undefined) ?? [],
          note: (v.note as string | undefined) ?? '',
        }),
      );
      io.stdout(`${entry.id}\t${entry.en}\t${entry.ko.join(', ')}\n`);
      return EXIT.ok;
    });
  },
};

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export one document or the whole project as an edition (tei, html, md, docx, pdf, txt)',
  usage: [
    'Usage: interlinea export --project DIR [--doc ID]... --format tei|html|md|docx|pdf|txt --out PATH',
    '         [--page-size A4|Letter] [--browser PATH] [--no-korean] [--no-english] [--original]',
    '         [--witness] [--no-brackets] [--corrections noted|silent|original] [--title TEXT]',
    '         [--unverified mark|omit] [--notes page|foot|end] [--skip-damaged]',
    '',
    'Without --doc, exports every document as one edition in date order; if a document file is',
    'damaged, nothing is written and exit code is 1, unless --skip-damaged exports the rest (what',
    'was left out is listed on stderr). PDF is printed with a Chromium found on the system (or',
    '--browser PATH). --notes (PDF): page, at the foot of the page where each is called (default);',
    'foot, under the row that calls it; end, after each document.'
  ].join('\n'),
  async run(argv, io) {
    const args = parseProjectArgs(
      this,
      argv,
      io,
      {
        doc: { type: 'string', multiple: true },
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        'page-size': { type: 'string' },
        browser: { type: 'string' },
        'no-korean': { type: 'boolean' },
        'no-english': { type: 'boolean' },
        original: { type: 'boolean' },
        witness: { type: 'boolean' },
        'no-brackets': { type: 'boolean' },
        corrections: { type: 'string' },
        title: { type: 'string' },
        unverified: { type: 'string' },
        notes: { type: 'string' },
        'skip-damaged': { type: 'boolean' },
      },
      false,
    );
    if ('exit' in args) return args.exit;
    const dir = args.dir;
    const v = args.values;
    const format = v.format as string | undefined;
    if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      return usageError(this, io, `--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    }
    if (typeof v.out !== 'string' || !v.out) return usageError(this, io, 'missing --out PATH');
    const pageSize = (v['page-size'] as string | undefined) ?? 'A4';
    if (pageSize !== 'A4' && pageSize !== 'Letter') return usageError(this, io, '--page-size must be A4 or Letter');
    const corrections = (v.corrections as string | undefined) ?? 'noted';
    if (!['noted', 'silent', 'original'].includes(corrections))
      return usageError(this, io, '--corrections must be noted, silent or original');
    const unverified = (v.unverified as string | undefined) ?? 'mark';
    if (unverified !== 'mark' && unverified !== 'omit') return usageError(this, io, '--unverified must be mark or omit');
    const notes = (v.notes as string | undefined) ?? 'page';
    if (notes !== 'page' && notes !== 'foot' && notes !== 'end')
      return usageError(this, io, '--notes must be page, foot or end');
    const out = resolve(io.cwd, v.out);
    const printPdf = createChromiumPrinter({ browser: v.browser as string | undefined });
    return withProject(dir, io, { holder: 'interlinea export (CLI)', context: { printPdf } }, async (handlers) => {
      let ids = (v.doc as string[] | undefined) ?? [];
      let leftOut: { file: string; message: string }[] = [];
      if (!ids.length) {
        const listed = unwrap(await dispatch(handlers, 'listDocuments', {}));
        ids = listed.documents.map((d) => d.id);
        leftOut = listed.problems;
        // A whole-project edition missing a document must not look complete.
        if (leftOut.length && !v['skip-damaged']) {
          const n = leftOut.length;
          throw new UserError(
            `${n} document${n === 1 ? '' : 's'} could not be read and would be left out of the edition; nothing was written.\n` +
              leftOut.map((p) => `  ${p.file}: ${p.message}\n`).join('') +
              'Repair or remove the file, or export the rest with --skip-damaged.',
            'damaged',
          );
        }
      }
      if (!ids.length) throw new UserError('The project has no documents to export', 'empty');
      const options = {
        columns: { english: !v['no-english'], korean: !v['no-korean'], original: Boolean(v.original) },
        brackets: !v['no-brackets'],
        witness: Boolean(v.witness),
        corrections,
        pageSize,
        editionTitle: (v.title as string | undefined) ?? '',
        unverified,
        notes,
      };
      const result = unwrap(await dispatch(handlers, 'exportEdition', { ids, format, options }));
      await writeFileDurable(out, result.bytes);
      for (const warning of result.warnings ?? []) io.stderr(`interlinea: warning: ${warning}\n`);
      if (leftOut.length) {
        const n = leftOut.length;
        io.stderr(
          `interlinea: Left out ${n} damaged document${n === 1 ? '' : 's'}: ` +
            leftOut.map((p) => `${p.file} (${p.message})`).join('; ') +
            '\n',
        );
      }
      io.stderr(
        `Wrote ${basename(out)} (${FORMAT_FILES[format as keyof typeof FORMAT_FILES].mime}, ${result.bytes.length} bytes)\n`,
      );
      return EXIT.ok;
    });
  },
};

export const projectCommands: CliCommand[] = [importCommand, listCommand, showCommand, glossaryCommand, exportCommand];
