/**
 * The document's details: title, date, citation and the rest of the metadata.
 * Saved with the document (autosave); an invalid date is shown as such and the
 * last valid one is kept until it is fixed.
 */
import { useState } from 'react';
import type { DocumentMeta } from '../../../shared/model/document';

interface Props {
  id: string;
  hidden?: boolean;
  initial: DocumentMeta;
  onChange(meta: DocumentMeta): void;
}

type Field = {
  key: keyof DocumentMeta;
  label: string;
  multiline?: boolean;
  hint?: string;
  type?: string;
  wide?: boolean;
  lang?: string;
};

const FIELDS: Field[] = [
  { key: 'title', label: 'Title', wide: true },
  { key: 'date', label: 'Date', hint: 'YYYY-MM-DD, YYYY-MM or YYYY' },
  { key: 'signature', label: 'Archival signature' },
  { key: 'originalLanguage', label: 'Original language' },
  { key: 'translator', label: 'Translator' },
  { key: 'citation', label: 'Citation', multiline: true, wide: true },
  { key: 'summary', label: 'Summary', multiline: true, wide: true },
  { key: 'credits', label: 'Credits', wide: true },
  { key: 'sourceUrl', label: 'Source URL', type: 'url', wide: true },
  { key: 'translatorNotes', label: 'Translator’s notes', multiline: true, wide: true },
];

const DATE = /^(\d{4}(-\d{2}(-\d{2})?)?)?$/;

export function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined) {
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  }
  return true;
}

export function MetaForm({ id, hidden, initial, onChange }: Props) {
  const [values, setValues] = useState<DocumentMeta>(initial);
  const [saved, setSaved] = useState<DocumentMeta>(initial);

  const update = (key: keyof DocumentMeta, value: string) => {
    const next = { ...values, [key]: value };
    setValues(next);
    // Only valid metadata is saved: an invalid date keeps the last valid one.
    const valid = { ...next, date: validDate(next.date) ? next.date : saved.date };
    setSaved(valid);
    onChange(valid);
  };

  return (
    <form id={id} hidden={hidden} className="meta-form" aria-label="Document details" onSubmit={(e) => e.preventDefault()}>
      {FIELDS.map((field) => {
        const inputId = `meta-${field.key}`;
        const invalid = field.key === 'date' && !validDate(values.date);
        const common = {
          id: inputId,
          value: values[field.key],
          onChange: (e: { target: { value: string } }) => update(field.key, e.target.value),
          'aria-invalid': invalid || undefined,
          'aria-describedby': field.hint ? `${inputId}-hint` : undefined,
          spellCheck: field.key !== 'sourceUrl' && field.key !== 'date',
        };
        return (
          <div key={field.key} className={`meta-field${field.wide ? ' wide' : ''}`}>
            <label htmlFor={inputId}>{field.label}</label>
            {field.multiline ? <textarea rows={field.key === 'citation' ? 2 : 3} {...common} /> : <input type={field.type ?? 'text'} {...common} />}
            {field.hint && (
              <span id={`${inputId}-hint`} className={invalid ? 'field-error' : 'field-hint'}>
                {invalid ? `Not a date: ${field.hint}. The last valid date is kept.` : field.hint}
              </span>
            )}
          </div>
        );
      })}
    </form>
  );
}
