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
import { FirstRunChoice } from './FirstRunChoice';
import { ExploreSection } from '../features/explore/ExploreSection';
import { TrashSection } from '../features/trash/TrashSection';
import { PaneToggle } from './PaneControls';
import type { CommandId } from '../../shared/commands';

export function Sidebar({ run }: { run: (id: CommandId) => boolean }) {
  const { db, caseId } = useApp();
  const caseRecord = useLiveQuery(() => db.cases.get(caseId), [db, caseId]);
  useEffect(() => {
    if (!caseRecord) return;
    document.title = `${caseRecord.title} — Casebook`;
    reportReady('sidebar');
  }, [caseRecord]);
  return (
    <nav id="sidebar" className="sidebar" aria-label="Case" tabIndex={-1}>
      <div className="brand">
        <span>Casebook</span>
        <PaneToggle pane="sidebar" shown run={() => run('toggle-sidebar')} />
      </div>
      <div className="case-title" title={caseRecord?.summary}>
        <span className="case-label">Case</span>
        <h1 data-case-id={caseId}>{caseRecord?.title ?? ' '}</h1>
        <CaseSwitcher />
      </div>
      <SidebarSearch />
      <div className="side-scroll">
        <FirstRunChoice />
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
