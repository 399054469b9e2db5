/**
 * The side panel: tabs over panels that follow the document (footnotes,
 * corrections; later the glossary and suggestions). A panel is an entry in
 * `PANELS`: adding one needs no other change here.
 */
import type { ReactNode } from 'react';
import type { EditorController } from '../../editor/controller';
import { useEditorSelector } from '../hooks';
import { annotationsOf } from '../../editor/annotations';
import { FootnotesPanel } from './FootnotesPanel';
import { CorrectionsPanel } from './CorrectionsPanel';
import { GlossaryPanel } from './GlossaryPanel';
import { QaPanel } from './QaPanel';
import { useQa, useQaLive } from '../hooks/use-qa';
import { idFromHash } from '../navigation';

export type PanelId = 'footnotes' | 'corrections' | 'glossary' | 'qa';

interface PanelSpec {
  id: PanelId;
  label: string;
  count?: (controller: EditorController) => number;
  render: (controller: EditorController) => ReactNode;
}

const PANELS: PanelSpec[] = [
  { id: 'footnotes', label: 'Footnotes', render: (c) => <FootnotesPanel controller={c} /> },
  { id: 'corrections', label: 'Corrections', render: (c) => <CorrectionsPanel controller={c} /> },
  { id: 'glossary', label: 'Glossary', render: (c) => <GlossaryPanel controller={c} /> },
  { id: 'qa', label: 'Checks', render: (c) => <QaPanel controller={c} /> },
];

interface Props {
  controller: EditorController;
  panel: PanelId;
  onPanel(panel: PanelId): void;
}

export function SidePanel({ controller, panel, onPanel }: Props) {
  const counts = useEditorSelector(
    controller,
    (state) => {
      const a = annotationsOf(state);
      return { footnotes: a.footnotes.length, corrections: a.corrections.length };
    },
    { footnotes: 0, corrections: 0 },
  );
  // The open document's quality checks run while it is open (the fix key needs them), shown or not.
  const openId = idFromHash();
  useQaLive(controller, openId);
  const { live } = useQa();
  const qaCount = live && live.id === openId ? live.findings.filter((f) => f.severity !== 'info').length : '';
  const current = PANELS.find((p) => p.id === panel) ?? PANELS[0];
  const onKeyDown = (event: React.KeyboardEvent) => {
    const index = PANELS.findIndex((p) => p.id === current.id);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = PANELS[(index + step + PANELS.length) % PANELS.length];
    onPanel(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <aside className="side-panel" aria-label="Notes" data-region>
      <div className="tabs" role="tablist" aria-label="Side panel" onKeyDown={onKeyDown}>
        {PANELS.map((p) => (
          <button
            key={p.id}
            id={`tab-${p.id}`}
            type="button"
            role="tab"
            aria-selected={p.id === current.id}
            aria-controls={`panel-${p.id}`}
            tabIndex={p.id === current.id ? 0 : -1}
            onClick={() => onPanel(p.id)}
          >
            {p.label}
            <span className="tab-count">{p.id === 'qa' ? qaCount : counts[p.id as keyof typeof counts]}</span>
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
        {current.render(controller)}
      </div>
    </aside>
  );
}
