/**
 * `interlinea qa`: the quality checks over a project (or some of its documents),
 * through the same handler as the app's QA panel. Exits 1 while findings at the
 * `--fail-on` severity or worse remain (ignored ones do not count).
 */
import type { CliCommand } from './types';
import { EXIT } from './types';
import { parseProjectArgs, usageError } from './args';
import { ProjectStore } from '../store/project-store';
import { createHandlers } from '../handlers';
import { dispatch } from '../../shared/ipc/dispatch';
import { isUserError } from '../../shared/errors';
import { QA_RULES, SEVERITIES, atLeast, type QaFinding, type Severity } from '../../shared/qa';

const isSeverity = (v: unknown): v is Severity => typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);

function where(f: QaFinding): string {
  return f.place.kind === 'meta' ? `meta:${f.place.field}` : `row ${f.place.row} ${f.place.column}`;
}

export const qaCommand: CliCommand = {
  name: 'qa',
  summary: 'Run the quality checks over a project; exit 1 while findings remain',
  usage: [
    'Usage: interlinea qa --project DIR [--doc ID]... [--json] [--severity error|warning|info] [--fail-on error|warning|info]',
    '',
    'Prints one line per finding: document<TAB>severity<TAB>rule<TAB>place<TAB>text<TAB>message',
    '(place: "row N column" or "meta:field"); with --json, an array of {id, title, findings}.',
    '--severity lists only findings of that severity or worse (default info: all).',
    '--fail-on: exit 1 when a listed finding is of that severity or worse (default warning).',
    'Findings ignored in the app ("ignore here", kept in project.json) are left out.',
    '',
    'Rules:',
    ...QA_RULES.map((r) => `  ${r.id.padEnd(26)} ${r.severity.padEnd(8)} ${r.title}`),
  ].join('\n'),
  async run(argv, io) {
    const args = parseProjectArgs(this, argv, io, { json: { type: 'boolean' }, doc: { type: 'string', multiple: true }, severity: { type: 'string' }, 'fail-on': { type: 'string' } }, false);
    if ('exit' in args) return args.exit;
    const severity = args.values.severity ?? 'info';
    const failOn = args.values['fail-on'] ?? 'warning';
    if (!isSeverity(severity)) return usageError(this, io, `--severity must be one of ${SEVERITIES.join(', ')}`);
    if (!isSeverity(failOn)) return usageError(this, io, `--fail-on must be one of ${SEVERITIES.join(', ')}`);
    const ids = args.values.doc as string[] | undefined;
    let store: ProjectStore | null = null;
    try {
      store = await ProjectStore.open(args.dir, { holder: 'interlinea qa (CLI)' });
      const opened = store;
      const known = new Set(opened.project.documents.map((d) => d.id));
      const missing = (ids ?? []).filter((id) => !known.has(id));
      if (missing.length) {
        io.stderr(`interlinea: no document ${missing.join(', ')} in this project\n`);
        return EXIT.userError;
      }
      const result = await dispatch(createHandlers({ store: () => opened }), 'qaRun', { ids, severity });
      if (!result.ok) {
        io.stderr(`interlinea: ${result.error.message}\n`);
        return EXIT.userError;
      }
      const { documents, problems, ignored } = result.value;
      for (const p of problems) io.stderr(`interlinea: ${p.file}: ${p.message}\n`);
      if (args.values.json) io.stdout(JSON.stringify(documents, null, 2) + '\n');
      else {
        for (const d of documents) {
          for (const f of d.findings) io.stdout([d.id, f.severity, f.rule, where(f), f.text.replace(/\s/g, ' '), f.message].join('\t') + '\n');
        }
      }
      const all = documents.flatMap((d) => d.findings);
      const failing = all.filter((f) => atLeast(f.severity, failOn)).length;
      io.stderr(`${all.length} finding${all.length === 1 ? '' : 's'} in ${documents.filter((d) => d.findings.length).length} of ${documents.length} documents (${failing} ${failOn} or worse${ignored ? `, ${ignored} ignored` : ''})\n`);
      return failing || problems.length ? EXIT.userError : EXIT.ok;
    } catch (err) {
      if (!isUserError(err)) throw err;
      io.stderr(`interlinea: ${err.message}\n`);
      return EXIT.userError;
    } finally {
      await store?.close();
    }
  },
};
