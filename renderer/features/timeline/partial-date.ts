/**
 * Dates as sources state them: ISO 8601, often partial ("2023", "2022-08",
 * "2023-03-23"). A partial date stands for its whole period, so it sorts at
 * the period's start and spans to its end on the axis; it is shown as
 * written ("Aug 2022"), never padded into a day nobody stated.
 */

export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDate {
  /** As stored, trimmed. */
  iso: string;
  precision: DatePrecision;
  /** First millisecond of the period (UTC). */
  start: number;
  /** First millisecond after the period (UTC). */
  end: number;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses "2023", "2023-03" or "2023-03-23"; anything else (or an impossible day) is null. */
export function parsePartialDate(value: string): PartialDate | null {
  const iso = value.trim();
  const match = ISO_PARTIAL.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]) - 1;
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month === undefined) return { iso, precision: 'year', start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
  if (month < 0 || month > 11) return null;
  if (day === undefined) return { iso, precision: 'month', start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) };
  const start = Date.UTC(year, month, day);
  // Date.UTC rolls 31 Feb over into March; a day that rolled over was never real.
  if (new Date(start).getUTCDate() !== day) return null;
  return { iso, precision: 'day', start, end: Date.UTC(year, month, day + 1) };
}

/** "2023" → "2023", "2022-08" → "Aug 2022", "2023-03-23" → "23 Mar 2023". */
export function formatPartialDate(date: PartialDate): string {
  const d = new Date(date.start);
  const year = String(d.getUTCFullYear());
  if (date.precision === 'year') return year;
  const month = SHORT_MONTHS[d.getUTCMonth()]!;
  if (date.precision === 'month') return `${month} ${year}`;
  return `${d.getUTCDate()} ${month} ${year}`;
}

/** A date or a range as a reader would write it: "Aug 2021 – Aug 2022". */
export function formatDateRange(start: PartialDate, end?: PartialDate): string {
  return end ? `${formatPartialDate(start)} – ${formatPartialDate(end)}` : formatPartialDate(start);
}

/** Coarser first, so "2023" comes before the days within it when both start together. */
export const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };
