import { useCallback } from 'react';
import { useApp } from '../../../app/context';
import { casebook } from '../../../bridge';

/** "Import sources…": the native dialog (multi-select), then the queue. */
export function useChooseAndImport() {
  const { importQueue, toasts } = useApp();
  return useCallback(async () => {
    if (!casebook) {
      toasts.show({ tone: 'error', message: 'Importing needs the Casebook app.' });
      return;
    }
    const chosen = await casebook.importChooseFiles();
    if (!chosen.ok) {
      toasts.show({ tone: 'error', message: chosen.error.message });
      return;
    }
    importQueue.add(chosen.value.paths.map((path) => ({ kind: 'path' as const, path })));
  }, [importQueue, toasts]);
}
