import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { createDispatch } from '../../../electron/main/ipc/dispatch';
import { createHandlers } from '../../../electron/main/ipc/handlers';
import { createLogFile } from '../../../electron/services/log-file';
import { createOriginalsStore } from '../../../electron/services/originals';
import { createIsolatedImporter } from '../../../electron/services/import/isolated';
import { briefingModelFromRecords, composeBriefing } from '../../../shared/briefing';
import type { CaseSnapshot } from '../../../shared/export/case-snapshot';
import { encodeCaseExport, encodeNoteMarkdown } from '../../../shared/export/encode-case-export';
import { foldText } from '../../../shared/linking/normalize';
import { PROTECTED_NAMES, protectedCase } from './protected-case';

const APP = 'casebook://app/index.html';

/** As a reader finds it: entities and escapes undone, folded as the linker folds (case, accents), whitespace as one space. */
function readable(output: string): string {
  const decoded = output
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\\(?=[\p{P}\p{S}])/gu, '');
  return foldText(decoded).replace(/\s+/g, ' ');
}

function expectNoName(label: string, output: string): void {
  const folded = readable(output);
  for (const name of PROTECTED_NAMES) expect(folded, `${label} names “${name}”`).not.toContain(foldText(name));
}

/** Main's real handlers and dispatcher (schema check included); only the native dialogs are stand-ins. */
function mainWith(chooseSavePath: (name: string) => Promise<string | null>) {
  return createDispatch(
    createHandlers({
      appInfo: () => ({ name: 'Casebook', version: '0.1.0', platform: 'linux', dataDir: dir }),
      openExternal: async () => undefined,
      log: createLogFile(join(dir, 'logs', 'casebook.log')),
      readyToClose: () => undefined,
      chooseFiles: async () => [],
      importer: createIsolatedImporter({
        spawn: () => {
          throw new Error('no import here');
        },
      }),
      originals: createOriginalsStore(dir),
      chooseSavePath,
      printBriefing: async () => {
        throw new Error('no printing here');
      },
      writeFileAtomic: (path, bytes) => writeFile(path, bytes),
      chooseBackupFile: async () => null,
      openPath: async () => '',
      showItemInFolder: () => undefined,
    }),
    { trustedOrigins: ['casebook://app'] },
  );
}

let dir: string;
let snapshot: CaseSnapshot;
let main: ReturnType<typeof createDispatch>;
const savePicks: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebook-redaction-'));
  snapshot = await protectedCase();
  main = mainWith(async () => savePicks.shift() ?? null);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function saveThroughMain(name: string, payload: unknown): Promise<Uint8Array> {
  const path = join(dir, name);
  savePicks.push(path);
  const result = await main('export:case-file', payload, { senderUrl: APP });
  expect(result, name).toMatchObject({ ok: true, value: { saved: true, path } });
  return new Uint8Array(await readFile(path));
}

describe('with redaction ticked, no export names a protected person', () => {
  it('the case really names her everywhere, under every alias (or this test would prove nothing)', () => {
    const everything = readable(JSON.stringify(snapshot));
    for (const name of PROTECTED_NAMES) expect(everything).toContain(foldText(name));
    expect(everything).toContain('nightingale');
  });

  it('the briefing, as composed for the PDF (body and page templates)', () => {
    const model = briefingModelFromRecords({ ...snapshot, citationChecks: new Map() }, {
      date: '1 May 2024',
      handling: 'CONFIDENTIAL',
      pageSize: 'A4',
      appendices: { entities: 'all', timeline: true, sources: true },
      redact: true,
    });
    const { html, chrome } = composeBriefing(model);
    expectNoName('briefing', [html, chrome.headerTemplate, chrome.footerTemplate].join('\n'));
    expect(html).toContain('class="redacted"');
  });

  it('the HTML page, made by main', async () => {
    const html = strFromU8(await saveThroughMain('case.html', { format: 'html', snapshot, redact: true }));
    expectNoName('HTML page', html);
    expect(html).toContain('[redacted]');
    expect(html).toContain('Yuancheng Group');
  });

  it('each note as Markdown', () => {
    for (const note of snapshot.notes.filter((n) => !n.deletedAt)) {
      const md = encodeNoteMarkdown(snapshot, note.id, { redact: true })!;
      expectNoName(`note ${note.title}`, strFromU8(md.bytes));
      expectNoName(`file name of ${note.title}`, md.suggestedName);
    }
    const interview = encodeNoteMarkdown(snapshot, 'note-interview', { redact: true })!;
    const md = strFromU8(interview.bytes);
    // A name split by bold is one marker; her chip reads only the marker; a link whose URL names her keeps its text alone.
    expect(md).toContain('We met \\[redacted\\] twice; [\\[redacted\\]](<#entity-redacted>) agreed.');
    expect(md).toContain('— see her profile\n');
  });

  it('a note whose id names her (the step renames that id) still exports', () => {
    const renamed = structuredClone(snapshot);
    renamed.notes.find((n) => n.id === 'note-interview')!.id = 'note-milgram-call';
    const md = encodeNoteMarkdown(renamed, 'note-milgram-call', { redact: true })!;
    expect(strFromU8(md.bytes)).toContain('We met \\[redacted\\] twice');
    expectNoName('renamed note', strFromU8(md.bytes));
  });

  it('the Markdown zip, every entry and every file name (entities.md included)', () => {
    const zip = encodeCaseExport('markdown-zip', snapshot, { redact: true });
    expectNoName('zip file name', zip.suggestedName);
    const entries = unzipSync(zip.bytes);
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['README.md', 'entities.md', 'sources.md']));
    expect(Object.keys(entries).filter((p) => p.startsWith('notes/')).length).toBeGreaterThanOrEqual(2);
    for (const [path, data] of Object.entries(entries)) {
      expectNoName('zip entry name', path);
      expectNoName(path, strFromU8(data));
    }
    expect(strFromU8(entries['entities.md']!)).toContain('Yuancheng Group');
  });

  it('the CSV and the FtM lines', () => {
    const csv = strFromU8(encodeCaseExport('csv', snapshot, { redact: true }).bytes);
    expectNoName('CSV', csv);
    expect(csv).toContain('Yuancheng Group');
    const ftm = strFromU8(encodeCaseExport('ftm', snapshot, { redact: true }).bytes);
    expectNoName('FtM', ftm);
    expect(ftm).toContain('Yuancheng Group');
  });

  it('but the backup keeps everything, every alias included', async () => {
    const backup = unzipSync(await saveThroughMain('case.casebook', { format: 'backup', snapshot }));
    const caseJson = readable(strFromU8(backup['case.json']!));
    for (const name of PROTECTED_NAMES) expect(caseJson).toContain(foldText(name));
  });
});

describe('without redaction, exports are whole', () => {
  it('names her in the HTML page, the Markdown zip and the CSV', async () => {
    const html = readable(strFromU8(await saveThroughMain('plain.html', { format: 'html', snapshot, redact: false })));
    expect(html).toContain('anne milgram');
    const csv = readable(strFromU8(encodeCaseExport('csv', snapshot, { redact: false }).bytes));
    expect(csv).toContain('nightingale');
    const entities = readable(strFromU8(unzipSync(encodeCaseExport('markdown-zip', snapshot, { redact: false }).bytes)['entities.md']!));
    expect(entities).toContain('anne milgram');
  });
});

describe('main decides redaction of the HTML page itself', () => {
  it('refuses an HTML request that does not say whether to redact, and a backup request that asks to', async () => {
    savePicks.push(join(dir, 'never.html'), join(dir, 'never.casebook'));
    expect(await main('export:case-file', { format: 'html', snapshot }, { senderUrl: APP })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await main('export:case-file', { format: 'backup', snapshot, redact: true }, { senderUrl: APP })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    savePicks.length = 0;
  });

  it('checks the finished page and refuses it, writing nothing, if a protected name is still legible', async () => {
    // A protected entity named like the words the page itself prints ("Exported from Casebook").
    const odd = structuredClone(snapshot);
    odd.entities.push({ ...odd.entities.find((e) => e.id === 'ent-anne-milgram')!, id: 'ent-odd', name: 'Casebook', aliases: [] });
    const path = join(dir, 'leaky.html');
    savePicks.push(path);
    expect(await main('export:case-file', { format: 'html', snapshot: odd, redact: true }, { senderUrl: APP })).toEqual({
      ok: false,
      error: { code: 'export-failed', message: 'A protected name is still legible in the HTML page; nothing was saved.' },
    });
    await expect(readFile(path)).rejects.toThrow();
  });

  it('suggests a file name made from the redacted title', async () => {
    let suggested = '';
    const dispatch = mainWith(async (name) => {
      suggested = name;
      return null;
    });
    expect(await dispatch('export:case-file', { format: 'html', snapshot, redact: true }, { senderUrl: APP })).toEqual({ ok: true, value: { saved: false } });
    expect(suggested).toBe('Fentanyl precursors ([redacted]).html');
  });
});
