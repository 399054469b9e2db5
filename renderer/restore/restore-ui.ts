/**
 * What the restoration commands ask of the UI around the editor: open the glossary
 * form prefilled from a selection, and show short non-modal notices (a repair that
 * found nothing, an auto-fill with nothing to fill). The app layer creates one for
 * the window (renderer/src/window-services.ts) and gives it the window's notices;
 * React reads the prefill request through `subscribe`.
 */
import type { GlossaryEntry } from '../../shared/model/project';
import type { DraftRunner } from './draft-runner';
import { Listeners } from '../editor/listeners';

/** A glossary form prefilled from a selection. */
export interface GlossaryPrefill {
  en?: string;
  ko?: string;
}

/** The kinds of notice the window shows. */
export type NoticeKind = 'info' | 'success' | 'error';

/** Shows a short notice in the window. */
export type Notify = (kind: NoticeKind, text: string) => void;

/** What the restoration commands need from the app: the glossary, notices, the glossary form. */
export interface RestoreServices {
  /** The glossary as known now (auto-fill reads it synchronously). */
  glossary: { list(): readonly GlossaryEntry[] };
  ui: { notify: Notify; requestGlossaryAdd(prefill: GlossaryPrefill): void };
  /** Drafts rows through the app's decoder (absent: the draft commands never apply). */
  draft?: DraftRunner;
}

export class RestoreUi {
  private prefill: GlossaryPrefill | null = null;
  private readonly listeners = new Listeners();

  /** `notify` shows a notice (the window's one notice list). */
  constructor(readonly notify: Notify) {}

  subscribe = this.listeners.subscribe;

  /** Asks for the glossary form, prefilled. */
  requestGlossaryAdd(prefill: GlossaryPrefill): void {
    this.prefill = prefill;
    this.listeners.emit();
  }

  /** A pending prefill request, without taking it. */
  peekPrefill(): GlossaryPrefill | null {
    return this.prefill;
  }

  /** Takes the pending prefill request (the form that shows it calls this). */
  takePrefill(): GlossaryPrefill | null {
    const prefill = this.prefill;
    this.prefill = null;
    return prefill;
  }
}
