import iconv from 'iconv-lite';

/**
 * Encoding labels, as the import process decodes them and main checks a
 * user's choice against (main imports only this, not the detector).
 */

/** The WHATWG name of an encoding label ("latin1" → "windows-1252"), if it has one. */
function whatwgName(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

/**
 * The name Casebook records for an encoding label, lower-case: the WHATWG
 * name where there is one (what a browser would call it), else iconv-lite's.
 * Undefined when neither decoder knows the label.
 */
export function encodingName(label: string): string | undefined {
  const trimmed = label.trim();
  if (!/^[A-Za-z0-9][\w.:+-]{0,39}$/.test(trimmed)) return undefined;
  const whatwg = whatwgName(trimmed);
  if (whatwg && whatwg !== 'replacement') return whatwg;
  if (iconv.encodingExists(trimmed)) return trimmed.toLowerCase();
  return undefined;
}

/** Whether Casebook can decode text in this encoding (for a label a user or a file gives). */
export const isKnownEncoding = (label: string): boolean => encodingName(label) !== undefined;
