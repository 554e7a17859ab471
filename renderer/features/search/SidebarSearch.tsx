import { useApp } from '../../app/context';

/** The sidebar's search bar: opens the search palette, as Ctrl+K does. */
export function SidebarSearch() {
  const { nav } = useApp();
  return (
    <button type="button" className="sidebar-search" onClick={() => nav.openOverlay('search')} aria-label="Search the case (Ctrl+K)">
      <span aria-hidden="true">⌕</span> Search… <kbd>Ctrl K</kbd>
    </button>
  );
}
