/**
 * A verbatim passage of a source, addressed by UTF-16 offsets into the
 * source's plain text (`text.slice(start, end) === quote`). Offsets are what a
 * JavaScript string uses, so a quote can be re-found and verified anywhere.
 */
export interface Quote {
  quote: string;
  start: number;
  end: number;
}
