import type { ExportFormat } from './ipc/handlers';

/** The save dialog's file types, per export. */
export const SAVE_FILTERS: Record<ExportFormat, { name: string; extensions: string[] }[]> = {
  pdf: [{ name: 'PDF document', extensions: ['pdf'] }],
  markdown: [{ name: 'Markdown', extensions: ['md'] }],
  'markdown-zip': [{ name: 'Zip of Markdown files', extensions: ['zip'] }],
  html: [{ name: 'Web page', extensions: ['html'] }],
  ftm: [{ name: 'FollowTheMoney entities (JSON lines)', extensions: ['ftm.json', 'jsonl'] }],
  csv: [{ name: 'CSV spreadsheet', extensions: ['csv'] }],
  png: [{ name: 'PNG image', extensions: ['png'] }],
  svg: [{ name: 'SVG image', extensions: ['svg'] }],
  backup: [{ name: 'Casebook backup', extensions: ['casebook'] }],
};
