/** Bundles electron/services/import/pdf/page-worker.ts to `<outDir>/pdf-page-worker.mjs` (default dist/import-workers) and returns its path. */
export function buildImportWorkers(options?: { outDir?: string }): Promise<{ pdfPageWorker: string }>;
