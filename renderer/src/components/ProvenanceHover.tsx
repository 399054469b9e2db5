/**
 * Who made the insertion, correction or footnote under the mouse, and when: a small
 * label above it (below it is where the mark bubble of the caret opens) ("inserted by AB, 5 Dec 2026", "archive translator"), read from the
 * document through the view (not from the DOM), so footnote anchors, whose node
 * view draws no attributes, say it too.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { EditorController } from '../../editor/controller';
import { provenanceLabel, provenanceOf, type AnnotationKind } from '../../../shared/model/provenance';
import { editorsStore } from '../window-services';
import '../styles/provenance.css';

interface Hovered {
  left: number;
  top: number;
  kind: AnnotationKind;
  label: string;
  source: string;
}

const SELECTOR = '.insertion, .correction, .footnote';
const KIND_NAMES: Record<AnnotationKind, string> = { insertion: 'Insertion', correction: 'Correction', footnote: 'Footnote' };

/** The annotation an element of the editor draws, with its provenance. */
function annotationAt(controller: EditorController, el: HTMLElement): { kind: AnnotationKind; resp: string; when: string } | null {
  const view = controller.editorView;
  if (!view) return null;
  const kind: AnnotationKind = el.classList.contains('footnote') ? 'footnote' : el.classList.contains('correction') ? 'correction' : 'insertion';
  let pos: number;
  try {
    pos = view.posAtDOM(el, 0);
  } catch {
    return null;
  }
  const { doc } = view.state;
  if (kind === 'footnote') {
    // The anchor's position is just before the footnote node (or inside its number).
    for (const at of [pos, pos - 1]) {
      const node = at >= 0 ? doc.nodeAt(at) : null;
      if (node?.type.name === 'footnote') return { kind, ...provenanceOf(node) };
    }
    return null;
  }
  const node = doc.nodeAt(pos) ?? doc.resolve(pos).nodeAfter;
  const mark = node?.marks.find((m) => m.type.name === kind);
  return mark ? { kind, ...provenanceOf(mark) } : null;
}

export function ProvenanceHover({ controller }: { controller: EditorController }) {
  const { editors } = useSyncExternalStore(editorsStore.subscribe, editorsStore.getSnapshot);
  const [hovered, setHovered] = useState<Hovered | null>(null);
  const view = useSyncExternalStore(controller.subscribe, () => controller.editorView);
  const dom = view?.dom ?? null;

  useEffect(() => {
    if (!dom) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current: Element | null = null;
    const over = (event: MouseEvent) => {
      // The innermost annotation (a correction inside an insertion says its own).
      const el = (event.target as Element | null)?.closest?.(SELECTOR) as HTMLElement | null;
      if (el === current) return;
      current = el;
      clearTimeout(timer);
      if (!el || !dom.contains(el)) {
        setHovered(null);
        return;
      }
      timer = setTimeout(() => {
        const found = annotationAt(controller, el);
        if (!found) return setHovered(null);
        const rect = el.getBoundingClientRect();
        setHovered({
          left: rect.left,
          top: rect.top - 4,
          kind: found.kind,
          label: provenanceLabel(found.kind, found, editors),
          source: found.resp === 'archive' ? 'archive' : found.resp ? 'editor' : 'unrecorded',
        });
      }, 200);
    };
    const leave = () => {
      current = null;
      clearTimeout(timer);
      setHovered(null);
    };
    dom.addEventListener('mouseover', over);
    dom.addEventListener('mouseleave', leave);
    return () => {
      clearTimeout(timer);
      dom.removeEventListener('mouseover', over);
      dom.removeEventListener('mouseleave', leave);
    };
  }, [dom, controller, editors]);

  if (!hovered) return null;
  return (
    <div className="provenance-hover" data-source={hovered.source} role="tooltip" style={{ left: hovered.left, top: hovered.top }}>
      <span className="provenance-kind">{KIND_NAMES[hovered.kind]}</span> {hovered.label}
    </div>
  );
}
