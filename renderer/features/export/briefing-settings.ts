import { BRIEFING_PAGE_SIZES, type BriefingPageSize } from '../../../shared/briefing/model';
import type { CasebookDexie } from '../../db/database';

/** What the export dialog remembers per case, so the next briefing starts where the last one was left. */
export interface BriefingSettings {
  subtitle: string;
  author: string;
  handling: string;
  pageSize: BriefingPageSize;
}

/** The `meta` row holding a case's settings (removed with the case by purgeCase). */
export const briefingSettingsKey = (caseId: string): string => `briefing:${caseId}`;

const MAX_FIELD = 500;

/** What was stored, made valid: only known fields of the right kind; anything else is as if never set. */
export function parseBriefingSettings(raw: unknown): Partial<BriefingSettings> {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const out: Partial<BriefingSettings> = {};
  for (const key of ['subtitle', 'author', 'handling'] as const) {
    const value = r[key];
    if (typeof value === 'string') out[key] = value.slice(0, MAX_FIELD);
  }
  if ((BRIEFING_PAGE_SIZES as readonly unknown[]).includes(r.pageSize)) out.pageSize = r.pageSize as BriefingPageSize;
  return out;
}

export async function loadBriefingSettings(db: CasebookDexie, caseId: string): Promise<Partial<BriefingSettings>> {
  return parseBriefingSettings((await db.meta.get(briefingSettingsKey(caseId)))?.value);
}

export async function saveBriefingSettings(db: CasebookDexie, caseId: string, settings: BriefingSettings): Promise<void> {
  await db.meta.put({ key: briefingSettingsKey(caseId), value: parseBriefingSettings(settings) });
}
