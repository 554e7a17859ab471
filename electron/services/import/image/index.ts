import type { TextRange } from '../../../../shared/model/imported-source';
import { cancelledError, ImportError } from '../errors';
import { ocrMetadata, readPictures, type OcrOptions, type OcrPageJob } from '../ocr/index';
import { readImageInfo, tiffPage } from '../ocr/images';
import type { FormatParser, ParsedDocument } from '../types';

/**
 * A picture of a document (a scan or a photo: PNG, JPEG, TIFF) read by OCR.
 * A multi-page TIFF (a fax, a scanner's batch) gives one page per frame,
 * each with its range in the text, like a PDF's pages.
 */

/** Most pixels one image may have: decoding a larger one would take gigabytes (a "decompression bomb"). */
export const MAX_IMAGE_PIXELS = 100_000_000;

export function createImageParser(options: OcrOptions = {}): FormatParser {
  return async ({ bytes, fileName, signal, onProgress }) => {
    if (signal?.aborted) throw cancelledError(fileName);
    const info = readImageInfo(bytes);
    if (!info || info.width === 0 || info.height === 0) {
      throw new ImportError('corrupt', `${fileName}: the image is damaged — its header could not be read`);
    }
    if (info.width * info.height > MAX_IMAGE_PIXELS) {
      throw new ImportError('too-large', `${fileName}: the image is too large to read (${info.width} × ${info.height} pixels)`);
    }
    const jobs: OcrPageJob[] = info.pages.map((_, page) => ({ index: page, picture: async () => ({ image: tiffPage(bytes, info, page) }) }));
    const outcome = await readPictures(jobs, { fileName, ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) }, options);
    if (outcome.pages.size === 0 && outcome.failed.length === jobs.length) {
      throw new ImportError('corrupt', `${fileName}: the image is damaged — it could not be decoded`);
    }

    let text = '';
    const pages: TextRange[] = [];
    jobs.forEach((job, i) => {
      if (i > 0) text += '\n\n';
      const start = text.length;
      text += outcome.pages.get(job.index)?.text ?? '';
      pages.push({ start, end: text.length });
    });
    if (!text.trim()) throw new ImportError('empty', `${fileName}: text recognition (OCR) found no words in this image`);
    const metadata: Record<string, string> = {
      ...ocrMetadata(outcome, jobs.length),
      imageType: info.kind.toUpperCase(),
      imageSize: `${info.width} × ${info.height}`,
    };
    if (jobs.length > 1) metadata.pageCount = String(jobs.length);
    const parsed: ParsedDocument = { text, metadata };
    // Pages only where there is more than one: a single picture is not paged.
    if (jobs.length > 1) parsed.pages = pages;
    return parsed;
  };
}

export const parseImage: FormatParser = createImageParser();
