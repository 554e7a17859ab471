/** What the open dialog offers; detection goes by content, so these only guide the user. */
export const IMPORT_FILE_FILTERS = [
  { name: 'Documents', extensions: ['pdf', 'docx', 'html', 'htm', 'mhtml', 'mht', 'md', 'markdown', 'txt', 'eml'] },
  { name: 'All files', extensions: ['*'] },
];
