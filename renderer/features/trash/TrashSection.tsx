import { useApp } from '../../app/context';
import { useNavigationState } from '../../app/navigation';

/** The sidebar's way into the Trash: deleted notes and entities, restorable. */
export function TrashSection() {
  const { nav } = useApp();
  const { main } = useNavigationState(nav);
  const active = main.kind === 'trash';
  return (
    <section className="side-section trash-section" aria-label="Trash">
      <ul className="side-list" role="list">
        <li className={`side-item${active ? ' is-active' : ''}`}>
          <button type="button" className="side-link" aria-current={active ? 'page' : undefined} onClick={() => nav.openMain({ kind: 'trash' })}>
            <span className="explore-icon" aria-hidden="true">🗑</span>
            <span className="side-label">Trash</span>
          </button>
        </li>
      </ul>
    </section>
  );
}
