import { createContext, useContext } from 'react';
import type { CasebookDexie } from '../db/database';
import type { Navigation } from './navigation';
import type { Toasts } from './toasts';
import type { ImportQueue } from '../features/sources/import/import-queue';
import type { LinkingService } from '../features/linking/linking-service';
import type { SearchService } from '../features/search/search-service';

export interface AppServices {
  db: CasebookDexie;
  caseId: string;
  nav: Navigation;
  toasts: Toasts;
  importQueue: ImportQueue;
  linking: LinkingService;
  search: SearchService;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside <AppContext.Provider>');
  return services;
}
