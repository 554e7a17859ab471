import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { composeBriefing } from '../../../shared/briefing';
import { seedBriefing } from './briefing-fixture';
it('dumps', () => {
  const { model } = seedBriefing({ redact: true });
  const c = composeBriefing(model);
  writeFileSync('test-results/briefing/scratch.html', c.html);
  writeFileSync('test-results/briefing/scratch-chrome.json', JSON.stringify(c.chrome, null, 1));
});
