/** Random, sortable-enough ids for records the user creates. */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}
