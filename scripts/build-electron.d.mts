/** Bundles electron/main and electron/preload to `<outDir>/main.cjs` and `<outDir>/preload.cjs` (default dist/electron). */
export function buildElectron(options?: { outDir?: string }): Promise<void>;

/** Bundles the isolated import process to `<outDir>/import-worker.mjs` (default dist/electron). */
export function buildImportWorker(options?: { outDir?: string }): Promise<unknown>;
