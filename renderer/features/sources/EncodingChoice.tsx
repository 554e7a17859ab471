import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../app/context';
import { casebook, logError } from '../../bridge';
import { applyRedecode, redecodeImpact, RedecodeError, undoRedecode, type RedecodeImpact } from '../../db/source-redecode';
import type { ImportedSource, Source } from '../../../shared/model';
import { ENCODING_CHOICES, encodingLabel } from '../../../shared/sources/encodings';
import { canRedecode, rereadWithEncoding } from './redecode';
import './encoding-choice.css';

/** How the importer settled the encoding, in the header's words; nothing when it was certain (a BOM, valid UTF-8). */
const HOW: Record<string, string> = { detected: 'guessed', declared: 'as the file declares', chosen: 'your choice' };

type State =
  | { step: 'idle' }
  | { step: 'reading'; encoding: string }
  | { step: 'confirm'; encoding: string; imported: ImportedSource; impact: RedecodeImpact }
  | { step: 'failed'; message: string };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** What a re-read breaks, in a sentence (before: what it will do; after: what it did); empty when nothing. */
function consequences({ citationsBroken, mentionsLost }: RedecodeImpact, when: 'before' | 'after'): string {
  const parts: string[] = [];
  const quotes = plural(citationsBroken, 'quote in your notes', 'quotes in your notes');
  const links = plural(mentionsLost, 'link to an entity', 'links to entities');
  if (citationsBroken) parts.push(when === 'before' ? `${quotes} will no longer match the text and will show as broken` : `${quotes} no longer match${citationsBroken === 1 ? 'es' : ''} the text and show${citationsBroken === 1 ? 's' : ''} as broken`);
  if (mentionsLost) parts.push(when === 'before' ? `${links} will be removed` : `${links} ${mentionsLost === 1 ? 'was' : 'were'} removed`);
  return parts.length ? `${parts.join('; ')}.` : '';
}

/**
 * The source header's "Encoding" entry for text, Markdown and web pages: the
 * encoding the text was read with (and whether it was a guess), and a choice
 * of others to read the kept original again with. The source keeps its id;
 * when the new text would break quotes or entity links the user confirms
 * first, and an Undo puts everything back (renderer/db/source-redecode.ts).
 */
export function EncodingChoice({ source }: { source: Source }) {
  const { db, caseId, toasts, linking } = useApp();
  const [state, setState] = useState<State>({ step: 'idle' });
  const cancelButton = useRef<HTMLButtonElement>(null);
  const current = source.metadata.encoding;

  useEffect(() => {
    if (state.step === 'confirm') cancelButton.current?.focus();
  }, [state.step]);
  // Another source opened in the same reader: whatever was under way here is not for it.
  useEffect(() => setState({ step: 'idle' }), [source.id]);

  if (!current) return null;
  const how = HOW[source.metadata.encodingSource ?? ''];
  const editable = canRedecode(source);

  const apply = async (encoding: string, imported: ImportedSource) => {
    const previous = current;
    try {
      const { impact, undo } = await applyRedecode(db, caseId, source.id, imported);
      setState({ step: 'idle' });
      // The linker and extraction read the new text (they also drop what they found in the old one).
      linking.sourcesAdded([source.id]);
      const broken = consequences(impact, 'after');
      toasts.show({
        tone: 'info',
        message: `Read again as ${encodingLabel(encoding)}.${broken ? ` ${broken[0]!.toUpperCase()}${broken.slice(1)}` : ''}`,
        action: {
          label: 'Undo',
          run: () => {
            void undoRedecode(db, undo)
              .then(() => {
                linking.sourcesAdded([source.id]);
                toasts.show({ tone: 'info', message: `Back to ${encodingLabel(previous)}.` });
              })
              .catch((error: unknown) => toasts.show({ tone: 'error', message: error instanceof RedecodeError ? error.message : 'The re-read could not be undone.' }));
          },
        },
      });
    } catch (error) {
      if (!(error instanceof RedecodeError)) logError('Re-decoding a source failed', error);
      setState({ step: 'failed', message: error instanceof RedecodeError ? error.message : 'The new text could not be saved in the case.' });
    }
  };

  const choose = async (encoding: string) => {
    if (encoding === current) return;
    setState({ step: 'reading', encoding });
    try {
      const imported = await rereadWithEncoding(casebook, source, encoding);
      const impact = await redecodeImpact(db, caseId, source.id, imported);
      if (impact.citationsBroken || impact.mentionsLost) setState({ step: 'confirm', encoding, imported, impact });
      else await apply(encoding, imported);
    } catch (error) {
      setState({ step: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const known = ENCODING_CHOICES.some((c) => c.name === current);
  const shown = state.step === 'reading' || state.step === 'confirm' ? state.encoding : current;
  return (
    <div className="encoding-choice">
      <dt>Encoding</dt>
      <dd>
        {editable ? (
          <select
            aria-label="Text encoding"
            title="Read the file again with another encoding if its text looks garbled"
            value={shown}
            disabled={state.step === 'reading' || state.step === 'confirm'}
            onChange={(e) => void choose(e.target.value)}
          >
            {!known && <option value={current}>{current}</option>}
            {ENCODING_CHOICES.map((c) => (
              <option key={c.name} value={c.name}>
                {c.label}
              </option>
            ))}
          </select>
        ) : (
          <span data-testid="source-encoding">{encodingLabel(current)}</span>
        )}
        {how && <span className="encoding-how">{how}</span>}
        {state.step === 'reading' && (
          <span className="encoding-status" role="status">
            Reading the file again…
          </span>
        )}
        {state.step === 'failed' && (
          <span className="encoding-status encoding-failed" role="alert">
            {state.message}{' '}
            <button type="button" className="link-button" onClick={() => setState({ step: 'idle' })}>
              Dismiss
            </button>
          </span>
        )}
        {state.step === 'confirm' && (
          <div
            className="encoding-confirm"
            role="alertdialog"
            aria-label={`Read again as ${encodingLabel(state.encoding)}?`}
            onKeyDown={(e) => e.key === 'Escape' && setState({ step: 'idle' })}
          >
            <p>
              Read “{source.title}” again as {encodingLabel(state.encoding)}? {consequences(state.impact, 'before')} You can undo it.
            </p>
            <div className="encoding-confirm-actions">
              <button ref={cancelButton} type="button" className="subtle" onClick={() => setState({ step: 'idle' })}>
                Cancel
              </button>
              <button type="button" className="primary-button small" onClick={() => void apply(state.encoding, state.imported)}>
                Read again
              </button>
            </div>
          </div>
        )}
      </dd>
    </div>
  );
}
