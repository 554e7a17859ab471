/**
 * A row of toggle chips for "show only these": none pressed shows everything,
 * as a first-time user expects; pressing chips narrows to them. Shared by
 * the timeline (types and relations) and the graph (entity types).
 */
export interface ChipOption<T extends string> {
  value: T;
  label: string;
  count?: number;
  /** `entity-<type>` for a type's colour dot; none for a neutral one. */
  colourClass?: string;
}

export function FilterChips<T extends string>({ label, options, selected, onChange }: { label: string; options: ChipOption<T>[]; selected: ReadonlySet<T>; onChange: (next: Set<T>) => void }) {
  const toggle = (value: T) => {
    const next = new Set(selected);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    onChange(next);
  };
  return (
    <div className="filter-chips" role="group" aria-label={label}>
      {options.map((o) => (
        <button key={o.value} type="button" className={`filter-chip ${o.colourClass ?? ''}`} aria-pressed={selected.has(o.value)} data-value={o.value} onClick={() => toggle(o.value)}>
          <span className="type-dot" aria-hidden="true" />
          {o.label}
          {o.count !== undefined && <span className="count">{o.count}</span>}
        </button>
      ))}
      {selected.size > 0 && (
        <button type="button" className="link-button filter-clear" onClick={() => onChange(new Set())}>
          Show all
        </button>
      )}
    </div>
  );
}
