export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const formatTime = (ms: number) => dateTime.format(ms);

/**
 * A stated date as the user reads it; ISO strings kept when they are partial.
 * A bare day (YYYY-MM-DD) is that calendar day: `new Date` would read it as
 * midnight UTC, the day before west of Greenwich.
 */
export function formatStatedDate(value: string | undefined): string {
  if (!value) return '';
  if (/^\d{4}(-\d{2})?$/.test(value)) return value;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(d);
}
