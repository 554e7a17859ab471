import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from './context';
import { reportReady } from './readiness';
import { NotesSection } from '../features/notes/NotesSection';
import { SourcesSection } from '../features/sources/SourcesSection';
import { EntitiesSection } from '../features/entities/EntitiesSection';
import { ImportPanel } from '../features/sources/import/ImportPanel';
import { ReviewSection } from '../features/review/ReviewSection';
import { SidebarSearch } from '../features/search/SidebarSearch';
import { CaseSwitcher } from './CaseSwitcher';
import { ExploreSection } from '../features/explore/ExploreSection';
import { TrashSection } from '../features/trash/TrashSection';

export function Sidebar() {
  const { db, caseId } = useApp();
  const caseRecord = useLiveQuery(() => db.cases.get(caseId), [db, caseId]);
  useEffect(() => {
    if (!caseRecord) return;
    document.title = `${caseRecord.title} — Casebook`;
    reportReady('sidebar');
  }, [caseRecord]);
  return (
    <nav className="sidebar" aria-label="Case">
      <div className="brand">Casebook</div>
      <div className="case-title" title={caseRecord?.summary}>
        <span className="case-label">Case</span>
        <h1 data-case-id={caseId}>{caseRecord?.title ?? ' '}</h1>
        <CaseSwitcher />
      </div>
      <SidebarSearch />
      <div className="side-scroll">
        <NotesSection />
        <SourcesSection />
        <ReviewSection />
        <ExploreSection />
        <EntitiesSection />
        <TrashSection />
      </div>
      <ImportPanel />
    </nav>
  );
}
