import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import nlp from 'compromise';
import { tokenizeChunk } from '../../../shared/linking/extract-tokens';
import { spansOf } from '../../../shared/linking/extract-spans';
import { paragraphChunks } from '../../../shared/linking/extract-chunks';
it('timing', () => {
  const text = readFileSync('/work/main/shared/seed/fentanyl-article.txt', 'utf8');
  const chunks = [...paragraphChunks(text, 1e9)];
  for (let r = 0; r < 3; r++) {
    let t = performance.now(); for (const c of chunks) nlp(c.text); const a = performance.now() - t;
    t = performance.now(); const toks = chunks.map(c => tokenizeChunk(c.text, c.start)); const b = performance.now() - t;
    t = performance.now(); for (const tk of toks) spansOf(tk, text); const d = performance.now() - t;
    t = performance.now(); nlp(text); const e = performance.now() - t;
    console.log('nlp', a.toFixed(0), 'tokenize', b.toFixed(0), 'spans', d.toFixed(0), 'whole', e.toFixed(0));
  }
});
