import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url&no-inline';

/**
 * pdf.js in the renderer, loaded on first use (its own chunk: a reader that
 * never opens a PDF never loads it). Everything it needs comes from the
 * app's own origin, so the CSP stays `script-src 'self'`, `worker-src
 * 'self'`, `connect-src 'self'`: its worker is a file of the build, and the
 * CMaps (CJK encodings) and standard fonts are assets of the build fetched
 * through our own factories. No eval (`isEvalSupported: false`), no
 * WebAssembly, no XFA forms, no scripting, no network.
 *
 * The options that decide what text pdf.js reads match the importer's
 * (electron/services/import/pdf/pdfjs.ts): standard fonts from pdf.js's own
 * data, not the system's, so the text layer reads the page as the importer
 * did and maps onto the stored text (text-layer-map.ts).
 */

type Pdfjs = typeof import('pdfjs-dist');
export type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

// URLs of pdf.js's data files, copied into the build by Vite (only these names can be asked for).
const CMAPS = import.meta.glob<string>('../../../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url&no-inline', import: 'default', eager: true });
const FONTS = import.meta.glob<string>('../../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', { query: '?url&no-inline', import: 'default', eager: true });

const byFileName = (urls: Record<string, string>) => new Map(Object.entries(urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));
const cMapUrls = byFileName(CMAPS);
const fontUrls = byFileName(FONTS);

async function fetchBytes(url: string | undefined, what: string): Promise<Uint8Array> {
  if (!url) throw new Error(`pdf.js asked for ${what}, which the app does not have`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${what} (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** pdf.js's CMap reader, answering from the build's copies. */
class AppCMapReader {
  async fetch({ name }: { name: string }) {
    return { cMapData: await fetchBytes(cMapUrls.get(`${name}.bcmap`), `the CMap ${name}`), isCompressed: true };
  }
}

/** pdf.js's standard font reader, answering from the build's copies. */
class AppStandardFontReader {
  fetch({ filename }: { filename: string }) {
    return fetchBytes(fontUrls.get(filename), `the font ${filename}`);
  }
}

let loading: Promise<Pdfjs> | undefined;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Opens a PDF from its bytes (pdf.js takes the buffer over). */
export async function openPdfDocument(bytes: Uint8Array): Promise<{ doc: PdfDocument; destroy: () => Promise<void> }> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: bytes,
    CMapReaderFactory: AppCMapReader,
    StandardFontDataFactory: AppStandardFontReader,
    useWorkerFetch: false,
    useSystemFonts: false,
    isEvalSupported: false,
    useWasm: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    return { doc: await task.promise, destroy: () => task.destroy() };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw error;
  }
}
