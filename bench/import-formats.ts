import { importBytes } from '../electron/services/import';
import { makeDocx } from '../tests/fixtures/make-docx';

const WORDS = ['precursor', 'shipment', 'broker', 'cartel', 'customs', 'invoice', 'warehouse', 'chemical', 'Wuhan', 'Manzanillo', 'sanctions', 'Treasury', 'fentanyl', 'laboratory', 'container', 'the', 'of', 'and', 'to', 'in'];
// A small LCG, so the text varies like prose and zip compresses it as it would a real document.
let seed = 42;
const nextWord = () => WORDS[(seed = (seed * 1103515245 + 12345) % 2147483648) % WORDS.length]!;
const sentence = (_i: number) => Array.from({ length: 18 }, nextWord).join(' ') + '.';
const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `${sentence(i)} ${sentence(i + 1)} ${sentence(i + 2)}`);

async function measure(label: string, bytes: Uint8Array, fileName: string): Promise<void> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const source = await importBytes(bytes, fileName, { limits: { maxBytes: 1024 * 1024 * 1024 } });
    runs.push(performance.now() - t0);
    if (!source.text) throw new Error(`${label}: no text`);
  }
  const median = runs.sort((a, b) => a - b)[1]!;
  const mb = bytes.byteLength / 1024 / 1024;
  console.log(`  ${label.padEnd(6)} ${mb.toFixed(2).padStart(7)} MB   ${median.toFixed(0).padStart(6)} ms   ${(mb / (median / 1000)).toFixed(1).padStart(6)} MB/s`);
}

/**
 * Parser throughput per format (in-process, as inside the import process),
 * median of 3. HTML and DOCX go through jsdom (parse, Readability or
 * mammoth, DOMPurify, text walk), which dominates their time.
 */
export async function main(): Promise<void> {
  console.log('\nImport throughput by format (parse + sanitize + text, in the import process; median of 3):');
  const text = new TextEncoder().encode(paragraphs(260_000).join('\n\n'));
  await measure('text', text, 'large.txt');
  const html = new TextEncoder().encode(
    `<!doctype html><html><head><title>Long report</title></head><body><nav>Home · World</nav><article><h1>Long report</h1>${paragraphs(2_500)
      .map((p, i) => (i % 40 === 0 ? `<h2>Section ${i / 40}</h2>` : '') + `<p>${p} <a href="https://example.org/${i}">source</a></p>`)
      .join('')}</article><footer>© Example</footer></body></html>`,
  );
  await measure('html', html, 'report.html');
  const docx = await makeDocx({ title: 'Long memo', body: paragraphs(2_500).map((p, i) => (i % 40 === 0 ? { heading: `Section ${i / 40}` } : { paragraph: p })) });
  await measure('docx', docx, 'memo.docx');
}
