import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { it } from 'vitest';
import { composeBriefing } from '../../../shared/briefing';
import { briefingFontCss } from '../../../electron/services/export/briefing-fonts';
import { seedBriefing } from './briefing-fixture';
const require = createRequire(import.meta.url);
const read = async (p: string) => new Uint8Array(readFileSync(require.resolve(p)));
it('dumps', async () => {
  const { model } = seedBriefing({ redact: false });
  const d = composeBriefing(model);
  const fontCss = await briefingFontCss(d.html, read);
  const chromeFontCss = await briefingFontCss(d.chrome.headerTemplate + d.chrome.footerTemplate, read, ['Noto Sans SC']);
  const c = composeBriefing(model, { fontCss, chromeFontCss });
  const plain = composeBriefing(model, { fontCss });
  writeFileSync('/tmp/bscratch/full.json', JSON.stringify({ html: c.html, chrome: c.chrome, plainChrome: plain.chrome }));
}, 60000);
