/**
 * `interlinea restore`: lists a document's saved versions (its history,
 * electron/store/history.ts) or restores one as the current document, through
 * the same handlers as the app. Restoring is a save: the version it replaces
 * is kept in the history, so `--version 1` right after undoes it.
 */
import { resolve } from 'node:path';
import type { CliCommand } from './types';
import { EXIT } from './types';
import { parseCommandArgs, usageError } from './args';
import { unwrap, withProject } from './project-commands';
import { dispatch } from '../../shared/ipc/dispatch';
import type { DocumentVersion } from '../../shared/ipc/contract';

const VERSION_NAME = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/;

function describeVersion(v: DocumentVersion, n: number): string {
  if (v.problem) return `${n}\t${v.version}\tdamaged\t\t${v.size}\t${v.problem}`;
  return `${n}\t${v.version}\t${v.savedAt ?? ''}\t${v.rows ?? ''}\t${v.size}\t${v.title ?? ''}`;
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: "List a document's saved versions, or restore one",
  usage: [
    'Usage: interlinea restore DIR DOC-ID [--list] [--json]',
    '       interlinea restore DIR DOC-ID --version N|TIME [--json]',
    '',
    'The project keeps the last 20 saved versions of each document (history/DOC-ID/).',
    '--list (the default) prints them newest first, one per line:',
    '  N<TAB>TIME<TAB>saved at<TAB>rows<TAB>bytes<TAB>title   (a damaged version says so and why)',
    '--version restores one as the current document: N counts back from the newest (1 is the',
    'version the last save replaced), TIME is a version as listed. The version it replaces is',
    'kept in the history too, so restoring --version 1 right after undoes the restore. A damaged',
    'or unknown version is an error and nothing is written. DIR may also be given as --project DIR.',
  ].join('\n'),
  async run(argv, io) {
    const args = parseCommandArgs(this, argv, io, {
      list: { type: 'boolean' },
      version: { type: 'string' },
      json: { type: 'boolean' },
      project: { type: 'string', short: 'p' },
    });
    if ('exit' in args) return args.exit;
    const positionals = [...args.positionals];
    const project = args.values.project as string | undefined;
    if (project) positionals.unshift(project);
    if (positionals.length !== 2) return usageError(this, io, 'give the project folder DIR and one DOC-ID');
    const [dirArg, id] = positionals;
    const dir = resolve(io.cwd, dirArg);
    const wanted = args.values.version as string | undefined;
    if (wanted !== undefined && args.values.list) return usageError(this, io, 'give --list or --version, not both');
    const json = Boolean(args.values.json);

    if (wanted === undefined) {
      return withProject(dir, io, { holder: 'interlinea restore --list (CLI)' }, async (handlers) => {
        const { versions } = unwrap(await dispatch(handlers, 'documentHistory', { id }));
        if (json) io.stdout(JSON.stringify(versions.map((v, i) => ({ n: i + 1, ...v })), null, 2) + '\n');
        else versions.forEach((v, i) => io.stdout(describeVersion(v, i + 1) + '\n'));
        if (!versions.length && !json) io.stderr(`interlinea: document ${id} has no earlier versions in its history\n`);
        return EXIT.ok;
      });
    }
    let version: string | number;
    if (/^\d+$/.test(wanted) && Number(wanted) >= 1) version = Number(wanted);
    else if (VERSION_NAME.test(wanted)) version = wanted;
    else
      return usageError(this, io, `--version must be a number (1 is the newest) or a version's time as --list prints it, not ${wanted}`);
    return withProject(dir, io, { write: true, holder: 'interlinea restore (CLI)' }, async (handlers) => {
      const restored = unwrap(await dispatch(handlers, 'restoreVersion', { id, version }));
      for (const warning of restored.warnings) io.stderr(`interlinea: warning: ${warning}\n`);
      if (json) {
        io.stdout(
          JSON.stringify({ id, version: restored.version, title: restored.doc.meta.title, updatedAt: restored.doc.updatedAt }, null, 2) + '\n',
        );
      } else {
        io.stdout(`${id}\t${restored.version}\t${restored.doc.meta.title}\n`);
        io.stderr(
          `Restored ${id} to its version of ${restored.version}; the version it replaced is now the newest in its history (restore --version 1 undoes this).\n`,
        );
      }
      return EXIT.ok;
    });
  },
};
