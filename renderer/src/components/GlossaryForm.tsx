/**
 * Adding or editing one glossary entry: the canonical English form, English
 * variants and romanisations, Korean forms (every spelling the project uses, kept
 * as written), the type and a note. Several values go one per line.
 */
import { useId, useState } from 'react';
import { NAME_TYPES, type NameType } from '../../../shared/model/schema';
import type { GlossaryEntry } from '../../../shared/model/project';
import { errorMessage } from '../api';

export type GlossaryDraft = Omit<GlossaryEntry, 'id'> & { id?: string };

const TYPE_LABELS: Record<NameType, string> = {
  person: 'person',
  organisation: 'organisation',
  place: 'place',
  term: 'term',
};

function lines(text: string): string[] {
  return text
    .split(/\n|;/)
    .map((v) => v.trim())
    .filter(Boolean);
}

interface Props {
  initial: GlossaryDraft;
  onSave(entry: GlossaryDraft): Promise<void>;
  onCancel(): void;
}

export function GlossaryForm({ initial, onSave, onCancel }: Props) {
  const id = useId();
  const [en, setEn] = useState(initial.en);
  const [variants, setVariants] = useState(initial.variants.join('\n'));
  const [ko, setKo] = useState(initial.ko.join('\n'));
  const [type, setType] = useState<NameType>(initial.type);
  const [note, setNote] = useState(initial.note);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = !!initial.id;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!en.trim()) {
      setError('The entry needs its English form.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave({ ...(initial.id ? { id: initial.id } : {}), en: en.trim(), variants: lines(variants), ko: lines(ko), type, note: note.trim() });
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  return (
    <form
      className="glossary-form"
      aria-label={editing ? `Edit glossary entry ${initial.en}` : 'New glossary entry'}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <div className="glossary-field">
        <label htmlFor={`${id}-en`}>English (canonical)</label>
        <input id={`${id}-en`} name="en" value={en} onChange={(e) => setEn(e.target.value)} aria-invalid={!!error && !en.trim()} autoFocus={!initial.en} />
      </div>
      <div className="glossary-field">
        <label htmlFor={`${id}-ko`}>Korean forms</label>
        <textarea
          id={`${id}-ko`}
          name="ko"
          lang="ko"
          rows={2}
          value={ko}
          onChange={(e) => setKo(e.target.value)}
          autoFocus={!!initial.en && !initial.ko.length}
          aria-describedby={`${id}-ko-hint`}
        />
        <span id={`${id}-ko-hint`} className="field-hint">
          One per line, each spelling as the translator wrote it (조선로동당 and 조선노동당 are both kept).
        </span>
      </div>
      <div className="glossary-field">
        <label htmlFor={`${id}-variants`}>English variants and romanisations</label>
        <textarea id={`${id}-variants`} name="variants" rows={2} value={variants} onChange={(e) => setVariants(e.target.value)} aria-describedby={`${id}-variants-hint`} />
        <span id={`${id}-variants-hint`} className="field-hint">
          One per line: Choe Yong-geon, Choe Yong Gon…
        </span>
      </div>
      <div className="glossary-field glossary-field-row">
        <label htmlFor={`${id}-type`}>Type</label>
        <select id={`${id}-type`} name="type" value={type} onChange={(e) => setType(e.target.value as NameType)}>
          {NAME_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      <div className="glossary-field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea id={`${id}-note`} name="note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="glossary-form-buttons">
        <button type="submit" className="primary" disabled={saving}>
          {editing ? 'Save' : 'Add to glossary'}
        </button>
        <button type="button" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
