/**
 * The quality checks panel: findings grouped by document and rule, with counts.
 * The open document's findings are live (checked again as it is edited); the
 * others come from the last run over the project (Check project, F7). A finding
 * goes to its place when clicked (opening its document, drawing its row), is fixed
 * with its button or Alt+Enter at the cursor (one undoable transaction), or is
 * ignored here (remembered in the project).
 */
import { useMemo, useState } from 'react';
import type { QaDocumentFindings } from '../../../shared/ipc/contract';
import { QA_RULES } from '../../../shared/qa/run';
import { atLeast, type QaFinding } from '../../../shared/qa/types';
import type { EditorController } from '../../editor/controller';
import { applyFix, goToFinding, revealSelection } from '../../editor/qa-fix';
import { keyHint } from '../../editor/shortcuts';
import { idFromHash, showDocument } from '../navigation';
import { qaStore, useQa } from '../hooks/use-qa';
import { metaFieldsStore } from '../meta-fields';
import '../styles/qa.css';

const TITLES = new Map(QA_RULES.map((r) => [r.id, r.title]));

function where(f: QaFinding): string {
  if (f.place.kind === 'meta') return `details: ${f.place.field}`;
  return `row ${f.place.row}${f.place.column === 'english' ? '' : `, ${f.place.column}`}`;
}

/** Shows a finding in the document's details: opened, its text selected in the field's editor. */
function showInDetails(f: QaFinding): void {
  if (f.place.kind !== 'meta') return;
  if (metaFieldsStore.show(f)) return;
  // A field without an editor of its own (a plain input): open the details and select there.
  const toggle = document.querySelector<HTMLButtonElement>('.details-toggle');
  if (toggle?.getAttribute('aria-expanded') === 'false') toggle.click();
  const { field, from, to } = f.place;
  requestAnimationFrame(() => {
    const input = document.getElementById(`meta-${field}`);
    if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) return;
    input.focus();
    input.setSelectionRange(from, to);
  });
}

export function QaPanel({ controller }: { controller: EditorController }) {
  const { run, running, progress, error, live } = useQa();
  const [all, setAll] = useState(false);
  const openId = idFromHash();

  const documents = useMemo((): QaDocumentFindings[] => {
    const list = [...(run ?? [])];
    if (live && live.id === openId) {
      const index = list.findIndex((d) => d.id === live.id);
      const title = index >= 0 ? list[index].title : 'This document';
      const entry = { id: live.id, title, findings: live.findings };
      if (index >= 0) list[index] = entry;
      else list.unshift(entry);
    }
    return list
      .map((d) => ({ ...d, findings: d.findings.filter((f) => all || atLeast(f.severity, 'warning')) }))
      .filter((d) => d.findings.length)
      .sort((a, b) => Number(b.id === openId) - Number(a.id === openId));
  }, [run, live, openId, all]);

  const totals = { error: 0, warning: 0, info: 0 };
  for (const d of run ?? []) if (d.id !== live?.id) for (const f of d.findings) totals[f.severity]++;
  if (live && live.id === openId) for (const f of live.findings) totals[f.severity]++;

  const go = (docId: string, f: QaFinding) => {
    if (docId !== openId) {
      qaStore.goToLater(docId, f);
      showDocument(docId);
      return;
    }
    if (f.place.kind === 'meta') showInDetails(f);
    else if (controller.run(goToFinding(f)) && controller.editorView) revealSelection(controller.editorView);
  };
  const fix = (f: QaFinding) => {
    if (f.place.kind === 'meta') {
      // A metadata fix is a transaction in the field's editor: undone there (Ctrl+Z in the field).
      if (metaFieldsStore.fix(f)) qaStore.drop(f.key, f.place.from);
      return;
    }
    if (!controller.run(applyFix(f))) return;
    qaStore.drop(f.key, f.place.from);
    if (controller.editorView) revealSelection(controller.editorView);
  };

  return (
    <div className="qa-panel">
      <div className="qa-bar">
        {running ? (
          <button type="button" onClick={() => qaStore.stop()}>
            Stop
          </button>
        ) : (
          <button type="button" onClick={() => void qaStore.runProject()}>
            Check project <kbd>{keyHint('qaRun')}</kbd>
          </button>
        )}
        {running && progress && (
          <progress className="qa-progress" max={progress.total || 1} value={progress.scanned} aria-label="Documents checked">
            {progress.scanned} of {progress.total}
          </progress>
        )}
        <span className="qa-totals" aria-live="polite">
          {totals.error} errors · {totals.warning} warnings · {totals.info} notes
          {progress && (running || progress.scanned < progress.total) ? ` (checked ${progress.scanned} of ${progress.total} documents${running ? '…' : ', stopped'})` : ''}
        </span>
        <label>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Show notes
        </label>
      </div>
      {error && (
        <p className="qa-error-text" role="alert">
          {error}
        </p>
      )}
      {!documents.length && (
        <p className="panel-empty">
          {run || live ? 'Nothing to check here.' : 'Checking…'} <kbd>{keyHint('qaRun')}</kbd> checks every document of the project; <kbd>{keyHint('qaFix')}</kbd> applies the fix of the finding at the cursor.
        </p>
      )}
      {documents.map((d) => (
        <section key={d.id} className="qa-doc" aria-label={d.title}>
          <h3>
            {d.id === openId ? `${d.title} (open)` : d.title}
            <span className="tab-count">{d.findings.length}</span>
          </h3>
          {groupByRule(d.findings).map(([rule, findings]) => (
            <details key={rule} className="qa-rule" open={d.id === openId || findings.length <= 5}>
              <summary>
                {TITLES.get(rule) ?? rule}
                <span className="tab-count">{findings.length}</span>
              </summary>
              <ol className="qa-list">
                {findings.map((f) => (
                  <li key={`${f.key}@${f.place.from}`} className="qa-item" data-severity={f.severity} data-rule={f.rule}>
                    <button type="button" className="qa-go" onClick={() => go(d.id, f)} title="Show it">
                      {f.message}
                    </button>
                    <span className="qa-where">{where(f)}</span>
                    {f.fix && d.id === openId && (f.place.kind === 'body' || metaFieldsStore.canFix(f)) && (
                      <button type="button" className="link qa-fix" onClick={() => fix(f)}>
                        {f.fix.label}
                      </button>
                    )}
                    <button type="button" className="link qa-ignore" onClick={() => void qaStore.ignore(f)} title="Do not report this finding here again (kept in the project)">
                      Ignore here
                    </button>
                  </li>
                ))}
              </ol>
            </details>
          ))}
        </section>
      ))}
    </div>
  );
}

function groupByRule(findings: readonly QaFinding[]): [string, QaFinding[]][] {
  const groups = new Map<string, QaFinding[]>();
  for (const rule of QA_RULES) groups.set(rule.id, []);
  for (const f of findings) (groups.get(f.rule) ?? groups.set(f.rule, []).get(f.rule)!).push(f);
  return [...groups].filter(([, list]) => list.length);
}
