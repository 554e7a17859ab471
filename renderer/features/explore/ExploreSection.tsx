import { useApp } from '../../app/context';
import { useNavigationState, type MainView } from '../../app/navigation';

const VIEWS: { kind: 'timeline' | 'graph'; label: string; icon: string }[] = [
  { kind: 'timeline', label: 'Timeline', icon: '⟷' },
  { kind: 'graph', label: 'Graph', icon: '◎' },
];

/** The sidebar's way into the case-wide views: the timeline and the relationship graph. */
export function ExploreSection() {
  const { nav } = useApp();
  const { main } = useNavigationState(nav);
  return (
    <section className="side-section explore-section" aria-labelledby="explore-heading">
      <div className="side-heading">
        <h2 id="explore-heading">Explore</h2>
      </div>
      <ul className="side-list" role="list">
        {VIEWS.map(({ kind, label, icon }) => {
          const active = main.kind === kind;
          const view: MainView = { kind };
          return (
            <li key={kind} className={`side-item${active ? ' is-active' : ''}`}>
              <button type="button" className="side-link" aria-current={active ? 'page' : undefined} onClick={() => nav.openMain(view)}>
                <span className="explore-icon" aria-hidden="true">{icon}</span>
                <span className="side-label">{label}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
