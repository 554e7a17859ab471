/**
 * The text encodings a user can pick to re-read a source, by the name the
 * import service records in `metadata.encoding` (WHATWG's, lower-case), with
 * the words a reader knows them by. Grouped by script, as browsers list them.
 * tests/electron/services/import/encoding-choices.test.ts checks each is
 * a name the importer decodes and records as is.
 */
export const ENCODING_CHOICES: readonly { name: string; label: string }[] = [
  { name: 'utf-8', label: 'Unicode (UTF-8)' },
  { name: 'utf-16le', label: 'Unicode (UTF-16 little-endian)' },
  { name: 'utf-16be', label: 'Unicode (UTF-16 big-endian)' },
  { name: 'windows-1252', label: 'Western (Windows-1252, Latin-1)' },
  { name: 'iso-8859-15', label: 'Western (ISO-8859-15)' },
  { name: 'macintosh', label: 'Western (Mac Roman)' },
  { name: 'windows-1250', label: 'Central European (Windows-1250)' },
  { name: 'iso-8859-2', label: 'Central European (ISO-8859-2)' },
  { name: 'windows-1257', label: 'Baltic (Windows-1257)' },
  { name: 'windows-1251', label: 'Cyrillic (Windows-1251)' },
  { name: 'koi8-r', label: 'Cyrillic (KOI8-R)' },
  { name: 'koi8-u', label: 'Cyrillic (KOI8-U)' },
  { name: 'iso-8859-5', label: 'Cyrillic (ISO-8859-5)' },
  { name: 'ibm866', label: 'Cyrillic (DOS 866)' },
  { name: 'windows-1253', label: 'Greek (Windows-1253)' },
  { name: 'iso-8859-7', label: 'Greek (ISO-8859-7)' },
  { name: 'windows-1254', label: 'Turkish (Windows-1254)' },
  { name: 'windows-1255', label: 'Hebrew (Windows-1255)' },
  { name: 'windows-1256', label: 'Arabic (Windows-1256)' },
  { name: 'windows-874', label: 'Thai (Windows-874)' },
  { name: 'windows-1258', label: 'Vietnamese (Windows-1258)' },
  { name: 'shift_jis', label: 'Japanese (Shift_JIS)' },
  { name: 'euc-jp', label: 'Japanese (EUC-JP)' },
  { name: 'iso-2022-jp', label: 'Japanese (ISO-2022-JP)' },
  { name: 'gbk', label: 'Chinese Simplified (GBK, GB2312)' },
  { name: 'gb18030', label: 'Chinese Simplified (GB18030)' },
  { name: 'big5', label: 'Chinese Traditional (Big5)' },
  { name: 'euc-kr', label: 'Korean (EUC-KR)' },
];

/** The label for an encoding name; the name itself for one not in the list (a file's own rare label). */
export function encodingLabel(name: string): string {
  return ENCODING_CHOICES.find((choice) => choice.name === name)?.label ?? name;
}
