/**
 * Dates as a briefing prints them, the same on every machine: no locale, no
 * time zone (import times are shown as their UTC day).
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2023-03-29" → "29 March 2023", "2022-08" → "August 2022", "2023" → "2023"; anything else as given. */
export function formatPartialDate(iso: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim());
  if (!match) return iso.trim();
  const [, year, month, day] = match;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year!;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** Epoch milliseconds → "2024-05-01" (UTC). */
export function formatUtcDay(epochMs: number): string {
  return Number.isFinite(epochMs) ? new Date(epochMs).toISOString().slice(0, 10) : '';
}
