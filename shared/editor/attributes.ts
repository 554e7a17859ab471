/**
 * Attribute specs shared by Casebook's node definitions: each attribute
 * round-trips through one `data-*` attribute, and a value that does not
 * parse falls back to the default rather than reaching the document.
 */

type Attrs = Record<string, unknown>;

/** A string attribute stored as `data-<dataName>` (omitted when null); `fallback` when absent, or the element's text with `fromText`. */
export const stringAttr = (name: string, dataName: string, fallback: string | null = '', fromText = false) => ({
  default: fallback,
  parseHTML: (el: HTMLElement) => el.getAttribute(`data-${dataName}`) ?? (fromText ? (el.textContent ?? fallback) : fallback),
  renderHTML: (attrs: Attrs) => (attrs[name] === null || attrs[name] === undefined ? {} : { [`data-${dataName}`]: String(attrs[name]) }),
});

/** A non-negative integer attribute stored as `data-<name>`; omitted from the HTML when null. */
export const intAttr = (name: string, fallback: number | null) => ({
  default: fallback,
  parseHTML: (el: HTMLElement) => {
    const raw = el.getAttribute(`data-${name}`);
    const value = raw === null || raw === '' ? NaN : Number(raw);
    return Number.isSafeInteger(value) && value >= 0 ? value : fallback;
  },
  renderHTML: (attrs: Attrs) => (attrs[name] === null ? {} : { [`data-${name}`]: String(attrs[name]) }),
});

/** One of a closed list of values, stored as `data-<dataName>`; anything else reads as `fallback`. */
export const enumAttr = <T extends string>(name: string, dataName: string, values: readonly T[], fallback: T) => ({
  default: fallback,
  parseHTML: (el: HTMLElement): T => {
    const value = el.getAttribute(`data-${dataName}`);
    return value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;
  },
  renderHTML: (attrs: Attrs) => ({ [`data-${dataName}`]: String(attrs[name]) }),
});
