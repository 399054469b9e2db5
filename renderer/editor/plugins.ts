/**
 * The editor's plugins and node views, assembled in one place. The app gives the
 * commands behind the keys (by command-table id) and the plugins of the
 * restoration tools (`extra`: live witness check, suggestions, proposals), which
 * add their witness highlights through node decorations (see `WitnessHighlight`).
 * The editor itself knows nothing of React, the app bridge or renderer/restore.
 */
import { EditorState, type Plugin } from 'prosemirror-state';
import { history } from 'prosemirror-history';
import type { Node, Schema } from 'prosemirror-model';
import type { EditorView, NodeViewConstructor } from 'prosemirror-view';
import type { PMJson } from '../../shared/model/document';
import { buildInputRules } from './input-rules';
import { buildKeymap, type EditorCommands } from './keymap';
import { buildWitnessGuard } from './witness-guard';
import { buildAnnotationsPlugin } from './annotations';
import { buildFootnoteFocus, FootnoteView } from './footnote-view';
import { buildClipboard } from './clipboard';
import { buildTyping } from './typing';
import { buildRowNumbers, SegmentView } from './row-numbers';
import { WitnessView } from './witness-view';
import { buildViewport } from './viewport';
import { buildRowFilter } from './row-filter';
import { buildSentenceRows } from './sentence-rows';
import { buildFind } from './find';
import { buildProvenance, type ProvenanceOptions } from './provenance';

export interface EditorOptions {
  /** The commands behind the command table's keys (renderer/src/commands/bindings.ts). */
  commands: EditorCommands;
  /** Plugins of the restoration tools, after ours (so our keymap wins). */
  extra?: Plugin[];
  /** Who is editing, for the provenance of new annotations (absent: they are not recorded). */
  provenance?: ProvenanceOptions;
}

/** Every plugin of the document editor, in order. */
export function buildPlugins(schema: Schema, options: EditorOptions): Plugin[] {
  return [
    // First: the plugins after it read which rows are drawn in the same transaction.
    buildViewport(),
    buildInputRules(schema),
    ...buildKeymap(options.commands),
    history({ newGroupDelay: 500 }),
    buildWitnessGuard(),
    buildAnnotationsPlugin(schema),
    buildRowNumbers(),
    buildFootnoteFocus(),
    buildClipboard(schema),
    ...buildTyping(),
    // Rows by restoration state (next/previous, filter) and proposed sentence rows.
    buildRowFilter(),
    buildSentenceRows(),
    // Find and replace: the matches of the find panel's query, highlighted.
    buildFind(),
    // Stamps new insertions, corrections and footnotes with the current editor and the day.
    ...(options.provenance ? [buildProvenance(options.provenance)] : []),
    // Restoring the Korean (from the app): live witness check, suggestions, auto-fill proposals.
    ...(options.extra ?? []),
  ];
}

/** Language of each text column, for fonts, spelling and screen readers. */
export interface ColumnLanguages {
  english: string;
  korean: string;
  original: string;
}

function columnView(name: string, lang: string, label: string): NodeViewConstructor {
  return () => {
    const dom = document.createElement('div');
    dom.className = name;
    dom.dataset.column = name;
    dom.lang = lang;
    dom.setAttribute('aria-label', label);
    return { dom, contentDOM: dom };
  };
}

/** The node views: rows, witness cells, footnotes, and text columns tagged with their language. */
export function buildNodeViews(languages: ColumnLanguages): Record<string, NodeViewConstructor> {
  return {
    segment: (node, view, getPos, decorations) => new SegmentView(node, view, getPos, decorations),
    witness: (node, view, getPos, decorations) => new WitnessView(node, view, getPos, decorations),
    footnote: (node, view, getPos, decorations) => new FootnoteView(node, view, getPos, decorations),
    english: columnView('english', languages.english, 'English'),
    korean: columnView('korean', languages.korean, 'Korean restoration'),
    original: columnView('original', languages.original, 'Original'),
  };
}

/** A document body as an editor state, checked against the schema. */
export function createEditorState(schema: Schema, body: PMJson | Node, options: EditorOptions): EditorState {
  const doc = 'toJSON' in body ? (body as Node) : schema.nodeFromJSON(body);
  doc.check();
  return EditorState.create({ doc, plugins: buildPlugins(schema, options) });
}

/** Language tag for a language name as stored in the metadata (shared/model/language.ts). */
export { languageTag } from '../../shared/model/language';

export type { EditorView };
