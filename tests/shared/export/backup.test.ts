import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { seededCase } from './case-fixture';
import { DEFAULT_BACKUP_LIMITS, decodeBackup, encodeBackup, type BackupErrorCode } from '../../../shared/export/backup';
import { sha256Hex } from '../../../shared/export/sha256';

const decoder = new TextDecoder();

async function backup() {
  const fixture = await seededCase();
  const bytes = await encodeBackup(fixture.snapshot, fixture.originals, { appVersion: '0.1.0', now: new Date('2024-05-01T00:00:00Z') });
  return { ...fixture, bytes, entries: unzipSync(bytes) };
}

/** Re-zips entries after `edit`, the way a hand-edit or a hostile tool would. */
function rezip(entries: Record<string, Uint8Array>, edit: (e: Record<string, Uint8Array>) => void): Uint8Array {
  const copy = { ...entries };
  edit(copy);
  return zipSync(copy as Zippable);
}

const json = (bytes: Uint8Array) => JSON.parse(decoder.decode(bytes));

/** Objects and arrays in a parsed value, the root included. */
function countContainers(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Object.values(value).reduce<number>((n, child) => n + countContainers(child), 0);
}

async function expectError(bytes: Uint8Array, code: BackupErrorCode, limits = DEFAULT_BACKUP_LIMITS) {
  const result = await decodeBackup(bytes, limits);
  expect(result.ok).toBe(false);
  if (result.ok) return undefined;
  expect(result.error.code).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(10);
  return result.error;
}

describe('.casebook backups', () => {
  it('hold a manifest, the case and the originals, and decode to exactly what was encoded', async () => {
    const { bytes, entries, snapshot, originals } = await backup();
    expect(Object.keys(entries).sort()).toEqual(['case.json', 'manifest.json', ...[...originals.keys()].map((s) => `originals/${s}`)].sort());
    const manifest = json(entries['manifest.json']!);
    expect(manifest).toMatchObject({ format: 'casebook-backup', version: 1, createdAt: '2024-05-01T00:00:00.000Z', appVersion: '0.1.0', caseId: snapshot.case.id });
    expect(manifest.counts.entities).toBe(snapshot.entities.length);
    expect(manifest.caseSha256).toBe(await sha256Hex(entries['case.json']!));

    const decoded = await decodeBackup(bytes);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.value.snapshot).toEqual(snapshot);
    expect([...decoded.value.originals.keys()].sort()).toEqual([...originals.keys()].sort());
    for (const [sha, original] of originals) expect(decoded.value.originals.get(sha)).toEqual(original);
  });

  it('leaves out originals of other cases and refuses one stored under a false hash', async () => {
    const { snapshot, originals } = await backup();
    const stranger = strToU8('not of this case');
    const withStranger = new Map([...originals, [await sha256Hex(stranger), stranger]]);
    expect(Object.keys(unzipSync(await encodeBackup(snapshot, withStranger, { appVersion: 'x' }))).length).toBe(originals.size + 2);
    const [sha] = originals.keys();
    await expect(encodeBackup(snapshot, new Map([[sha!, stranger]]), { appVersion: 'x' })).rejects.toThrow(/does not match/);
  });

  it('refuses what is not a backup', async () => {
    await expectError(strToU8('just some text, not a zip'), 'not-a-backup');
    await expectError(zipSync({ 'case.json': strToU8('{}') }), 'not-a-backup');
    await expectError(zipSync({ 'manifest.json': strToU8('{"format":"something-else","version":1}') }), 'not-a-backup');
  });

  it('refuses a truncated or damaged zip', async () => {
    const { bytes } = await backup();
    await expectError(bytes.slice(0, Math.floor(bytes.length / 2)), 'corrupt');
    await expectError(bytes.slice(0, bytes.length - 10), 'corrupt');
  });

  it('refuses a newer format version with an explanation', async () => {
    const { entries } = await backup();
    const bytes = rezip(entries, (e) => {
      e['manifest.json'] = strToU8(JSON.stringify({ ...json(e['manifest.json']!), version: 2 }));
    });
    const error = await expectError(bytes, 'unsupported-version');
    expect(error?.message).toMatch(/newer Casebook/);
  });

  it('refuses a hand-edited case.json (checksum), and names the place when the checksum was forged too', async () => {
    const { entries } = await backup();
    const edited = (mutate: (c: { entities: { type: string }[]; case: { title: string } }) => void) => {
      const data = json(entries['case.json']!);
      mutate(data);
      return strToU8(JSON.stringify(data));
    };
    const retitled = edited((c) => (c.case.title = 'Edited by hand'));
    await expectError(rezip(entries, (e) => (e['case.json'] = retitled)), 'checksum-mismatch');

    const badType = edited((c) => (c.entities[3]!.type = 'Alien'));
    const forged = rezip(entries, (e) => {
      e['case.json'] = badType;
      e['manifest.json'] = strToU8(JSON.stringify({ ...json(e['manifest.json']!), caseSha256: '' }));
    });
    await expectError(forged, 'invalid-content'); // a manifest without a valid checksum
    const manifest = { ...json(entries['manifest.json']!) };
    manifest.caseSha256 = await sha256Hex(badType);
    const error = await expectError(rezip(entries, (e) => {
      e['case.json'] = badType;
      e['manifest.json'] = strToU8(JSON.stringify(manifest));
    }), 'invalid-content');
    expect(error?.path).toEqual(['entities', 3, 'type']);
  });

  it('refuses entry names outside the layout: traversal, absolute, unknown', async () => {
    const { entries } = await backup();
    for (const name of ['../evil.sh', 'originals/../../etc/passwd', '/abs/path', 'originals/ABC', 'extra.txt', 'C:\\x']) {
      await expectError(rezip(entries, (e) => (e[name] = strToU8('x'))), 'unexpected-entry');
    }
    // A valid-looking original the manifest does not list.
    await expectError(rezip(entries, (e) => (e[`originals/${'0'.repeat(64)}`] = strToU8('x'))), 'unexpected-entry');
  });

  it('refuses a missing original and one whose bytes do not match its hash', async () => {
    const { entries, originals } = await backup();
    const [sha] = originals.keys();
    await expectError(rezip(entries, (e) => delete e[`originals/${sha}`]), 'original-missing');
    const original = originals.get(sha!)!;
    const flipped = original.slice();
    flipped[0] = flipped[0]! ^ 1;
    await expectError(rezip(entries, (e) => (e[`originals/${sha}`] = flipped)), 'original-mismatch');
  });

  it('refuses an original no source of the case uses, even one the manifest lists with its right hash', async () => {
    const { entries } = await backup();
    const stray = strToU8('a file that belongs to no source of this case');
    const sha = await sha256Hex(stray);
    const bytes = rezip(entries, (e) => {
      e[`originals/${sha}`] = stray;
      const manifest = json(e['manifest.json']!);
      manifest.originals.push({ sha256: sha, size: stray.length });
      e['manifest.json'] = strToU8(JSON.stringify(manifest));
    });
    const error = await expectError(bytes, 'original-unused');
    expect(error?.message).toContain(sha.slice(0, 12));
  });

  it('refuses a case.json that would unpack over its limit, saying it is the case data', async () => {
    const { entries } = await backup();
    const error = await expectError(zipSync(entries as Zippable), 'too-large', { ...DEFAULT_BACKUP_LIMITS, maxEntryBytes: (name) => (name === 'case.json' ? 1024 : 1024 ** 3) });
    expect(error?.message).toMatch(/case data is too large to restore \(\d+ MB unpacked; Casebook restores up to 0 MB\)/);
  });

  it('counts what parsing case.json would cost before parsing it: too many objects or values is too large', async () => {
    const { entries } = await backup();
    const data = json(entries['case.json']!);
    const containers = countContainers(data);
    const bytes = zipSync(entries as Zippable);
    expect((await decodeBackup(bytes, { ...DEFAULT_BACKUP_LIMITS, maxCaseContainers: containers })).ok).toBe(true);
    const error = await expectError(bytes, 'too-large', { ...DEFAULT_BACKUP_LIMITS, maxCaseContainers: containers - 1 });
    expect(error?.message).toMatch(/more than [\d,]+ objects and lists/);
    await expectError(bytes, 'too-large', { ...DEFAULT_BACKUP_LIMITS, maxCaseMembers: 10 });
  });

  it('refuses a zip bomb before inflating it, and a document nested absurdly deep', async () => {
    const { entries } = await backup();
    const bomb = rezip(entries, (e) => (e[`originals/${'a'.repeat(64)}`] = new Uint8Array(5 * 1024 * 1024)));
    await expectError(bomb, 'too-large', { ...DEFAULT_BACKUP_LIMITS, maxEntryBytes: () => 1024 * 1024 });
    await expectError(bomb, 'too-large', { ...DEFAULT_BACKUP_LIMITS, maxTotalBytes: 2 * 1024 * 1024 });

    const data = json(entries['case.json']!);
    // Built as text: JSON.stringify itself cannot nest this deep.
    const levels = 5000;
    const deep = '{"type":"paragraph","content":['.repeat(levels) + '{"type":"text","text":"x"}' + ']}'.repeat(levels);
    data.notes[0].content = 'DEEP';
    const caseJson = strToU8(JSON.stringify(data).replace('"DEEP"', deep));
    const manifest = { ...json(entries['manifest.json']!), caseSha256: await sha256Hex(caseJson) };
    await expectError(rezip(entries, (e) => {
      e['case.json'] = caseJson;
      e['manifest.json'] = strToU8(JSON.stringify(manifest));
    }), 'invalid-content');
  });
});
