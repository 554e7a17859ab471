import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sendEvent, type EventReceiver } from '../../../electron/main/ipc/send-event';
import { EVENT_CHANNELS } from '../../../shared/ipc/channel-names';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** Every TypeScript file under electron/, comments blanked so a doc comment naming a call does not count. */
function electronCode(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        const text = readFileSync(full, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
          .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
        out.push({ path: relative(REPO, full).split('\\').join('/'), text });
      }
    }
  };
  walk(join(REPO, 'electron'));
  return out;
}

function receiver(destroyed = false): EventReceiver & { sent: unknown[][] } {
  const sent: unknown[][] = [];
  return { sent, send: (...args) => void sent.push(args), isDestroyed: () => destroyed };
}

describe('sendEvent: the one way main sends to a renderer', () => {
  it('sends the channel and its payload, and nothing to a page that is gone', () => {
    const page = receiver();
    sendEvent(page, 'import:progress', { requestId: 'job-1', fraction: 0.5 });
    sendEvent(page, 'app:before-close', null);
    expect(page.sent).toEqual([['import:progress', { requestId: 'job-1', fraction: 0.5 }], ['app:before-close', null]]);
    const gone = receiver(true);
    sendEvent(gone, 'menu:command', { command: 'search' });
    expect(gone.sent).toEqual([]);
  });

  it('is typed from EventContract: an unknown event or a payload of the wrong shape does not compile', () => {
    const page = receiver();
    // @ts-expect-error not an event of the contract
    sendEvent(page, 'import:finished', null);
    // @ts-expect-error the payload of import:progress is { requestId, fraction }
    sendEvent(page, 'import:progress', { fraction: 1 });
    // @ts-expect-error not a menu command
    sendEvent(page, 'menu:command', { command: 'format-disk' });
    expect(EVENT_CHANNELS).toContain('menu:command');
  });

  it('is the only place in electron/ that sends to a renderer (no untyped webContents.send, sender.send, sendToFrame…)', () => {
    const untyped: string[] = [];
    for (const { path, text } of electronCode()) {
      if (path === 'electron/main/ipc/send-event.ts') continue;
      text.split('\n').forEach((line, i) => {
        if (!/\.(send|sendSync|sendToFrame|sendToHost)\s*\(|(webContents|sender|contents|mainFrame)\.postMessage\s*\(/.test(line)) return;
        // The import process as a Node child (tests, harness, benches) talks to its parent, not to a page.
        if (path === 'electron/services/import/node-process.ts' && /child\.send\(message\)/.test(line)) return;
        untyped.push(`${path}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(untyped).toEqual([]);
  });
});
