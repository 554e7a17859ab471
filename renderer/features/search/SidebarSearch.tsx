import { useApp } from '../../app/context';
import { shortcutLabel } from '../../app/key-platform';

/** The sidebar's search bar: opens the search palette, as the `search` command's key does. */
export function SidebarSearch() {
  const { nav } = useApp();
  return (
    <button type="button" className="sidebar-search" onClick={() => nav.openOverlay('search')} title={`Search the case (${shortcutLabel('search')})`}>
      <span aria-hidden="true">⌕</span> Search… <kbd>{shortcutLabel('search')}</kbd>
    </button>
  );
}
