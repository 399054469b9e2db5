/**
 * The project glossary in the side panel: filter, add, edit and delete entries
 * (stored in project.json). "Add to glossary" from a selection in the English or
 * Korean column opens the form here, prefilled. A new project's glossary starts
 * from the starter termbase: its entries are marked, and a checkbox switches them
 * off for suggestions and auto-fill (they stay listed, shown as switched off);
 * editing one makes it the user's.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { fromTermbase, type GlossaryEntry } from '../../../shared/model/project';
import type { EditorController } from '../../editor/controller';
import { keyHint } from '../../editor/shortcuts';
import { addToGlossary, glossaryStore, restoreUi } from '../window-services';
import { useEditorSelector } from '../hooks';
import { errorMessage } from '../api';
import { GlossaryForm, type GlossaryDraft } from './GlossaryForm';

const BLANK: GlossaryDraft = { en: '', variants: [], ko: [], type: 'person', note: '' };

function matches(entry: GlossaryEntry, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [entry.en, ...entry.variants, ...entry.ko, entry.note, entry.type].some((v) => v.toLowerCase().includes(q));
}

export function GlossaryPanel({ controller }: { controller: EditorController }) {
  const glossary = useSyncExternalStore(glossaryStore.subscribe, glossaryStore.getSnapshot);
  const [filter, setFilter] = useState('');
  const [draft, setDraft] = useState<GlossaryDraft | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canAdd = useEditorSelector(controller, (state) => addToGlossary(state), false);

  useEffect(() => void glossaryStore.refresh(), []);

  // A prefill asked for from a selection (now, or while the panel is open).
  useEffect(() => {
    const take = () => {
      const prefill = restoreUi.takePrefill();
      if (prefill) setDraft({ ...BLANK, en: prefill.en ?? '', ko: prefill.ko ? [prefill.ko] : [] });
    };
    take();
    return restoreUi.subscribe(take);
  }, []);

  const shown = useMemo(() => glossary.entries.filter((e) => matches(e, filter)), [glossary.entries, filter]);

  const save = async (entry: GlossaryDraft) => {
    if (entry.id) await glossaryStore.update(entry as GlossaryEntry);
    else await glossaryStore.add(entry);
    setDraft(null);
    restoreUi.notify('success', entry.id ? `Glossary: saved “${entry.en}”.` : `Glossary: added “${entry.en}”.`);
  };

  const switchTermbase = async (enabled: boolean) => {
    try {
      setError(null);
      await glossaryStore.setTermbase(enabled);
      restoreUi.notify(
        'info',
        enabled
          ? 'Starter termbase switched on: its entries are suggested again.'
          : 'Starter termbase switched off: only your own entries are suggested.',
      );
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const remove = async (entry: GlossaryEntry) => {
    try {
      await glossaryStore.remove(entry.id);
      setConfirming(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="glossary-panel">
      <div className="glossary-tools">
        <input
          type="search"
          className="glossary-filter"
          placeholder="Filter the glossary"
          aria-label="Filter the glossary"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <button type="button" onClick={() => setDraft({ ...BLANK })} disabled={!!draft}>
          New…
        </button>
        <button
          type="button"
          title={`Add the selected text to the glossary (${keyHint('addToGlossary')})`}
          disabled={!canAdd || !!draft}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => controller.run(addToGlossary, false)}
        >
          From selection
        </button>
      </div>
      {glossary.termbase.entries > 0 && (
        <label
          className="glossary-termbase"
          title="Names and terms of Cold War Korea, the GDR, the USSR and China that a new project starts with. Switched off, suggestions and auto-fill use only your own entries; an entry you edit becomes yours."
        >
          <input
            type="checkbox"
            checked={glossary.termbase.enabled}
            onChange={(e) => void switchTermbase(e.target.checked)}
          />
          Starter termbase ({glossary.termbase.entries} entries)
        </label>
      )}
      {draft && (
        <GlossaryForm
          key={`${draft.id ?? 'new'}-${draft.en}-${draft.ko.join()}`}
          initial={draft}
          onSave={save}
          onCancel={() => setDraft(null)}
        />
      )}
      {glossary.status === 'error' && (
        <p className="field-error" role="alert">
          The glossary could not be read: {glossary.error}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {glossary.status === 'ready' && glossary.entries.length === 0 && !draft && (
        <p className="panel-empty">
          No entries yet. Select a name in the English or Korean column and press <kbd>{keyHint('addToGlossary')}</kbd>,
          or choose New….
        </p>
      )}
      {glossary.entries.length > 0 && (
        <p className="list-count" aria-live="polite">
          {shown.length === glossary.entries.length
            ? `${shown.length} entries`
            : `${shown.length} of ${glossary.entries.length} entries`}
        </p>
      )}
      <ul className="glossary-list">
        {shown.map((entry) => {
          const starter = fromTermbase(entry);
          const off = starter && !glossary.termbase.enabled;
          return (
            <li
              key={entry.id}
              className={off ? 'glossary-item is-off' : 'glossary-item'}
              data-id={entry.id}
              data-origin={starter ? 'termbase' : 'user'}
            >
              <div className="glossary-item-head">
                <span className="glossary-en">{entry.en}</span>
                {starter && (
                  <span
                    className="glossary-origin"
                    title={
                      off
                        ? 'From the starter termbase, switched off: not suggested'
                        : 'From the starter termbase (edit it to make it yours)'
                    }
                  >
                    {off ? 'termbase · off' : 'termbase'}
                  </span>
                )}
                <span className={`glossary-type type-${entry.type}`}>{entry.type}</span>
              </div>
              {entry.ko.length > 0 && (
                <div className="glossary-ko" lang="ko">
                  {entry.ko.join(' · ')}
                </div>
              )}
              {entry.variants.length > 0 && <div className="glossary-variants">{entry.variants.join(' · ')}</div>}
              {entry.note && <div className="glossary-note">{entry.note}</div>}
              <div className="glossary-item-actions">
                <button
                  type="button"
                  className="link"
                  onClick={() => setDraft({ ...entry })}
                  aria-label={`Edit ${entry.en}`}
                >
                  Edit
                </button>
                {confirming === entry.id ? (
                  <>
                    <button
                      type="button"
                      className="link danger"
                      onClick={() => void remove(entry)}
                      aria-label={`Really delete ${entry.en}`}
                    >
                      Really delete
                    </button>
                    <button type="button" className="link" onClick={() => setConfirming(null)}>
                      Keep
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="link danger"
                    onClick={() => setConfirming(entry.id)}
                    aria-label={`Delete ${entry.en}`}
                  >
                    Delete
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
