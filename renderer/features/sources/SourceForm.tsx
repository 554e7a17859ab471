import { useState } from 'react';
import { useApp } from '../../app/context';
import { logError } from '../../bridge';
import { editSource, SourceEditError } from '../../db/sources';
import { importedFacts, sourceFacts, SOURCE_EDITABLE_FIELDS, type Source, type SourceEditableField } from '../../../shared/model';
import { formatStatedDate } from '../../format';

const LABELS: Record<SourceEditableField, string> = { title: 'Title', author: 'Author', date: 'Date', url: 'URL', notes: 'Notes' };
const PLACEHOLDERS: Partial<Record<SourceEditableField, string>> = { date: 'YYYY, YYYY-MM or YYYY-MM-DD', url: 'https://…', notes: 'Where it came from, how far to trust it…' };

/**
 * Edits what the library says about a source. Each field starts from what
 * is shown now and says what the file stated; a value typed back to the
 * file's is no edit. Saved together (Ctrl/⌘+Enter), or cancelled (Escape).
 */
export function SourceForm({ source, onDone }: { source: Source; onDone: () => void }) {
  const { db, caseId } = useApp();
  const imported = importedFacts(source);
  const [values, setValues] = useState(() => sourceFacts(source));
  const [error, setError] = useState<{ field: SourceEditableField | 'form'; message: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      await editSource(db, caseId, source.id, values);
      onDone();
    } catch (caught) {
      if (caught instanceof SourceEditError && caught.field !== 'source' && caught.field !== 'tags') setError({ field: caught.field, message: caught.message });
      else {
        logError('Editing a source failed', caught);
        setError({ field: 'form', message: caught instanceof Error ? caught.message : 'The source could not be saved.' });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="entity-form source-form"
      aria-label="Edit source"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        }
        if (e.key === 'Escape') onDone();
      }}
    >
      <h2>Edit source</h2>
      {SOURCE_EDITABLE_FIELDS.map((field) => {
        const stated = imported[field];
        const hint = field === 'notes' ? 'Your own notes; the file has none.' : stated ? `The file says: ${field === 'date' ? formatStatedDate(stated) : stated}` : 'The file states none.';
        const common = {
          value: values[field],
          placeholder: PLACEHOLDERS[field],
          'aria-invalid': error?.field === field,
          onChange: (e: { target: { value: string } }) => {
            setValues((v) => ({ ...v, [field]: e.target.value }));
            if (error?.field === field) setError(null);
          },
        };
        return (
          <label key={field}>
            {LABELS[field]}
            {field === 'notes' ? <textarea rows={4} {...common} /> : <input autoFocus={field === 'title'} {...common} />}
            <span className="hint">{hint}</span>
            {error?.field === field && (
              <span className="form-error" role="alert">
                {error.message}
              </span>
            )}
          </label>
        );
      })}
      {error?.field === 'form' && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
