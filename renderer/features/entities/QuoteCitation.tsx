import { useLiveQuery } from 'dexie-react-hooks';
import type { SourceQuote } from '../../../shared/model';
import { useApp } from '../../app/context';
import { checkCitation } from '../../db/citations';
import { getInCase } from '../../db/case-scope';

/**
 * A quoted passage shown as a citation: the quote and its source, one click
 * from the highlighted passage. Checked against the source first, like a
 * citation in a note: a passage that no longer matches shows as broken and
 * leads nowhere.
 */
export function QuoteCitation({ quote, max = 160 }: { quote: SourceQuote; max?: number }) {
  const { db, caseId, nav } = useApp();
  const state = useLiveQuery(async () => {
    const source = await getInCase(db.sources, caseId, quote.sourceId);
    const check = await checkCitation(db, { ...quote, sourceSha256: '' }, caseId);
    return { title: source?.title ?? 'Missing source', check };
  }, [db, caseId, quote.sourceId, quote.start, quote.end, quote.quote]);
  const broken = state?.check.status === 'broken' ? state.check.reason : null;
  return (
    <button
      type="button"
      className={`quote-link${broken ? ' is-broken' : ''}`}
      title={broken ? `Broken citation: ${broken}` : 'Show the passage in its source'}
      data-citation-state={state ? (broken ? 'broken' : 'ok') : 'checking'}
      onClick={() => {
        if (!broken) nav.openMain({ kind: 'source', sourceId: quote.sourceId, highlight: { start: quote.start, end: quote.end } });
      }}
    >
      “{quote.quote.length > max ? `${quote.quote.slice(0, max - 1)}…` : quote.quote}”
      {state && <span className="quote-source">{broken ? `⚠ ${broken}` : state.title}</span>}
    </button>
  );
}
