/**
 * The document's details: title, date, citation and the rest of the metadata.
 * Saved with the document (autosave); an invalid date is shown as such and the
 * last valid one is kept until it is fixed. The prose fields (title, citation,
 * summary, credits, translator's notes) are small editors that take corrections
 * and insertions like the rows (MetaFieldEditor), each with its own undo.
 */
import { useRef, useState } from 'react';
import type { DocumentMeta } from '../../../shared/model/document';
import { isRichMetaField, MULTILINE_META_FIELDS, richField, withRichField, type RichMetaField } from '../../../shared/model/meta-text';
import type { MetaFieldHandle } from '../meta-field-commands';
import { MetaFieldEditor } from './MetaFieldEditor';

interface Props {
  id: string;
  hidden?: boolean;
  initial: DocumentMeta;
  onChange(meta: DocumentMeta): void;
  /** The editors of the fields that take corrections (kept by the pane, which routes commands to them). */
  fields: Record<RichMetaField, MetaFieldHandle>;
}

type PlainField = Exclude<keyof DocumentMeta, 'rich'>;

type Field = {
  key: PlainField;
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

export function MetaForm({ id, hidden, initial, onChange, fields }: Props) {
  const [values, setValues] = useState<DocumentMeta>(initial);
  // The metadata as edited now (the field editors change it between renders).
  const current = useRef<DocumentMeta>(initial);
  const saved = useRef<DocumentMeta>(initial);
  const [rich] = useState(() => new Map(Object.keys(fields).filter(isRichMetaField).map((field) => [field, richField(initial, field)])));

  const publish = (next: DocumentMeta) => {
    current.current = next;
    // Only valid metadata is saved: an invalid date keeps the last valid one.
    const valid = { ...next, date: validDate(next.date) ? next.date : saved.current.date };
    saved.current = valid;
    onChange(valid);
  };
  const update = (key: PlainField, value: string) => {
    const next = { ...current.current, [key]: value };
    setValues(next);
    publish(next);
  };

  return (
    <form id={id} hidden={hidden} className="meta-form" aria-label="Document details" onSubmit={(e) => e.preventDefault()}>
      {FIELDS.map((field) => {
        const inputId = `meta-${field.key}`;
        const invalid = field.key === 'date' && !validDate(values.date);
        const hintId = field.hint ? `${inputId}-hint` : undefined;
        const key = field.key;
        if (isRichMetaField(key) && rich.has(key)) {
          return (
            <div key={key} className={`meta-field${field.wide ? ' wide' : ''}`}>
              <label id={`${inputId}-label`} htmlFor={inputId} onClick={() => fields[key].controller.focus()}>
                {field.label}
              </label>
              <MetaFieldEditor
                field={key}
                id={inputId}
                labelId={`${inputId}-label`}
                multiline={MULTILINE_META_FIELDS.includes(key)}
                initial={rich.get(key)!}
                controller={fields[key].controller}
                commands={fields[key].commands}
                onChange={(node) => publish(withRichField(current.current, key, node))}
              />
            </div>
          );
        }
        const common = {
          id: inputId,
          value: values[key],
          onChange: (e: { target: { value: string } }) => update(key, e.target.value),
          'aria-invalid': invalid || undefined,
          'aria-describedby': hintId,
          spellCheck: key !== 'sourceUrl' && key !== 'date',
        };
        return (
          <div key={key} className={`meta-field${field.wide ? ' wide' : ''}`}>
            <label htmlFor={inputId}>{field.label}</label>
            {field.multiline ? <textarea rows={key === 'citation' ? 2 : 3} {...common} /> : <input type={field.type ?? 'text'} {...common} />}
            {field.hint && (
              <span id={hintId} className={invalid ? 'field-error' : 'field-hint'}>
                {invalid ? `Not a date: ${field.hint}. The last valid date is kept.` : field.hint}
              </span>
            )}
          </div>
        );
      })}
    </form>
  );
}
