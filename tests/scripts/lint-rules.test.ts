import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });
const PROBE = join(ROOT, 'shared', '__lint_probe__');

/** The rule ids ESLint reports for `code` as if it were the file at `path` (relative to the repo). */
async function rulesFor(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

afterAll(() => rmSync(PROBE, { recursive: true, force: true }));

/** The layering and cycle rules of eslint.config.mjs really fire: a config that silently lost them would pass everything. */
describe('the lint enforces the layering', () => {
  it('shared imports nothing from renderer or electron', async () => {
    expect(await rulesFor('shared/probe.ts', "import { openDatabase } from '../renderer/db/database';\nexport const x = openDatabase;\n")).toContain('boundaries/dependencies');
    expect(await rulesFor('shared/probe.ts', "import { createHandlers } from '../electron/main/ipc/handlers';\nexport const x = createHandlers;\n")).toContain('boundaries/dependencies');
  });

  it('the renderer imports nothing from electron/', async () => {
    expect(await rulesFor('renderer/probe.ts', "import { createOriginalsStore } from '../electron/services/originals';\nexport const x = createOriginalsStore;\n")).toContain('boundaries/dependencies');
  });

  it('services never import electron', async () => {
    expect(await rulesFor('electron/services/probe.ts', "import { shell } from 'electron';\nexport const x = shell;\n")).toContain('no-restricted-imports');
    // main may.
    expect(await rulesFor('electron/main/probe.ts', "import { shell } from 'electron';\nexport const x = shell;\n")).not.toContain('no-restricted-imports');
  });

  it('refuses an import cycle', async () => {
    mkdirSync(PROBE, { recursive: true });
    writeFileSync(join(PROBE, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
    writeFileSync(join(PROBE, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
    const results = await eslint.lintFiles([join(PROBE, 'a.ts')]);
    expect(results[0]!.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });

  it('allows what the layering allows', async () => {
    expect(await rulesFor('renderer/probe.ts', "import { NODE_NAMES } from '../shared/editor/document';\nexport const x = NODE_NAMES;\n")).toEqual([]);
    expect(await rulesFor('electron/main/probe.ts', "import { createOriginalsStore } from '../services/originals';\nexport const x = createOriginalsStore;\n")).toEqual([]);
  });
});
