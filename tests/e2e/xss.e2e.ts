import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import MarkdownIt from 'markdown-it';
import type { Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusDocument, corpusEmail, framed, ORDERED_VECTORS } from '../fixtures/xss/corpus';

/** The last vector that is not a mutation-XSS shape: everything up to it must arrive intact. */
const LAST_PLAIN = ORDERED_VECTORS.filter((v) => !v.id.startsWith('mxss-')).at(-1)!.id;
import { newNote } from './actions';
import { launchApp, type LaunchedApp } from './harness';
import { getRecord } from './store';
import { ui } from './ui-expect';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/**
 * The XSS corpus (tests/fixtures/xss/corpus.ts) through every road untrusted
 * HTML takes to a DOM: imported into the reader (a web page and an email
 * with an HTML body and a hostile attachment name), pasted into the note
 * editor, and out again through the briefing preview and the Markdown and
 * HTML exports. "Neutralized" is checked two ways: a canary every payload
 * calls if it runs (reported to the test through a binding, from any frame),
 * and every request Chromium makes, which must stay on the app's origin (no
 * javascript:/data: navigation, nothing to xss.invalid or any other host).
 */
describe('hostile HTML is neutralized everywhere it can reach a DOM', () => {
  let app: LaunchedApp;
  let dir: string;
  let origin: string;
  const canaryHits: string[] = [];
  const offending: string[] = [];
  /** Every page the browser opened; only the ones the test opens itself are expected. */
  const openedPages: Page[] = [];
  const ownPages = new Set<Page>();

  const watch = (request: Request) => {
    const url = request.url();
    if (url.startsWith(`${origin}/`)) return;
    // Fonts and images the app inlines itself are data:/blob: subresources; a data: or
    // javascript: *navigation* (a frame or the page going there) is never allowed.
    if ((url.startsWith('data:') || url.startsWith('blob:')) && !request.isNavigationRequest()) return;
    if (url === 'about:blank' || url === 'about:srcdoc') return;
    offending.push(`${request.isNavigationRequest() ? 'navigation' : request.resourceType()} ${url.slice(0, 120)}`);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casebook-xss-'));
    writeFileSync(join(dir, 'xss-report.html'), corpusDocument('XSS corpus web page'));
    writeFileSync(join(dir, 'xss-mail.eml'), corpusEmail('XSS corpus email'));
    app = await launchApp();
    origin = new URL(app.page.url()).origin;
    await app.context.exposeBinding('__canaryHit', (_source, id: string) => void canaryHits.push(id));
    // In every frame, before any of its scripts: the canary a payload would call.
    await app.context.addInitScript(() => {
      const w = window as unknown as { __canary: (id: string) => void; __canaryHit?: (id: string) => void; __xss: string[] };
      w.__xss = [];
      w.__canary = (id: string) => {
        w.__xss.push(id);
        void w.__canaryHit?.(id);
      };
    });
    // A link followed in a new window (a middle or Shift click nobody handled) is a page of its own,
    // whose request may reach us only much later (its error page reloads when it comes to the front).
    app.context.on('page', (opened) => void openedPages.push(opened));
    app.context.on('request', watch);
    app.page.on('request', watch);
    // Reload so the canary is installed in the app's own page too.
    await app.page.reload();
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function expectNothingRan(where: string) {
    // Give timers, autofocus, image errors and meta refreshes their chance.
    await app.page.waitForTimeout(500);
    const inPage = await app.page.evaluate(() => (window as unknown as { __xss: string[] }).__xss);
    expect({ where, inPage, canaryHits }).toEqual({ where, inPage: [], canaryHits: [] });
    expect({ where, offending }).toEqual({ where, offending: [] });
    const strayPages = openedPages.filter((p) => p !== app.page && !ownPages.has(p)).map((p) => p.url());
    expect({ where, strayPages }).toEqual({ where, strayPages: [] });
    expect(app.pageErrors).toEqual([]);
    for (const url of app.openedExternally) expect(url).toMatch(/^(https?:\/\/[^/]|mailto:)/);
  }

  /** Fires every event a payload could hang on at every element in `selector`, and clicks every link. */
  async function pokeEverything(selector: string) {
    await app.page.evaluate((sel) => {
      const root = document.querySelector(sel);
      if (!root) throw new Error(`${sel} is not on screen`);
      for (const el of Array.from(root.querySelectorAll('*'))) {
        for (const type of ['mouseover', 'mouseenter', 'mousemove', 'focus', 'focusin', 'animationstart', 'transitionend', 'load', 'error', 'toggle', 'play', 'start']) {
          el.dispatchEvent(new Event(type, { bubbles: true }));
        }
      }
    }, selector);
    await clickEveryLink(app.page.locator(`${selector} a`));
  }

  /** Hovers, clicks (every other one with Shift) and middle-clicks each link. */
  async function clickEveryLink(links: Locator) {
    for (let i = 0, n = await links.count(); i < n; i++) {
      await links.nth(i).hover();
      await links.nth(i).click({ modifiers: i % 2 ? [] : ['Shift'] });
      await links.nth(i).click({ button: 'middle' }).catch(() => undefined);
    }
  }

  async function expectInertDom(selector: string) {
    const bad = await app.page.evaluate((sel) => {
      const found: string[] = [];
      for (const el of Array.from(document.querySelectorAll(`${sel}, ${sel} *`))) {
        if (/^(script|iframe|frame|object|embed|img|svg|math|style|link|meta|base|form|input|video|audio|source|template|noscript)$/i.test(el.localName)) found.push(`<${el.localName}>`);
        for (const attr of Array.from(el.attributes)) {
          if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'srcdoc' || attr.name === 'ping') found.push(`${el.localName}[${attr.name}]`);
          if (/^(href|src|action|formaction|xlink:href|data|poster|srcset)$/i.test(attr.name) && !/^(https?:\/\/|mailto:|#)/i.test(attr.value.trim())) found.push(`${el.localName}[${attr.name}=${attr.value.slice(0, 40)}]`);
        }
      }
      return found;
    }, selector);
    expect(bad).toEqual([]);
  }

  it('imports a hostile web page and a hostile email and reads them in the reader without running anything', async () => {
    const { page } = app;
    app.dialogPicks.push([join(dir, 'xss-report.html'), join(dir, 'xss-mail.eml')]);
    await page.keyboard.press(`${MOD}+o`);
    await ui(page.locator('.import-panel [data-job-state="done"]'), { timeout: 90_000 }).toHaveCount(2);
    await page.locator('.heading-link', { hasText: 'Sources' }).click();
    const rows = page.locator('.library-table tbody tr', { hasText: 'XSS corpus' });
    // The web page, the email and the email's attachment (a child source).
    await ui(rows).toHaveCount(3);
    for (let i = 0; i < 3; i++) {
      await page.locator('.heading-link', { hasText: 'Sources' }).click();
      await page.locator('.library-table tbody tr', { hasText: 'XSS corpus' }).nth(i).locator('.link-button').first().click();
      await ui(page.locator('.source-reader .source-html')).toContainText(`After ${LAST_PLAIN}.`);
      await expectInertDom('.source-reader .source-html');
      const external = await page.locator('.source-reader .source-html a[href^="http"], .source-reader .source-html a[href^="mailto:"]').count();
      expect(external).toBeGreaterThan(0);
      const openedBefore = app.openedExternally.length;
      await pokeEverything('.source-reader .source-html');
      // Clicked, Shift-clicked and middle-clicked, no link left the app: a reader link only shows its
      // address; opening it takes Ctrl/Cmd+click and a confirmation (reader-links.e2e.ts).
      await expectNothingRan(`reader #${i}`);
      expect(app.openedExternally.length - openedBefore).toBe(0);
    }
    // The attachment's hostile name wrote nothing outside the data folder: originals are named by hash only.
    const written = readdirSync(app.profile.dataDir, { recursive: true }).map(String);
    expect(written.filter((p) => p.includes('xss-escaped'))).toEqual([]);
    expect(readdirSync(dirname(app.profile.dataDir)).filter((p) => p.includes('xss-escaped'))).toEqual([]);
    expect(readdirSync(tmpdir()).filter((p) => p.includes('xss-escaped'))).toEqual([]);
  });

  let noteId: string;
  it('pastes the corpus into a note: nothing runs, and the saved note keeps no handler, script or unsafe link', async () => {
    const { page } = app;
    await newNote(page, '<img src=x onerror=__canary("title")> Pasted corpus');
    const html = ORDERED_VECTORS.map(framed).join('');
    await page.locator('.note-body').evaluate((body, pasted) => {
      const data = new DataTransfer();
      data.setData('text/html', pasted);
      data.setData('text/plain', 'plain fallback');
      body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    await ui(page.locator('.note-body')).toContainText(`After ${LAST_PLAIN}.`);
    await expectInertDom('.note-body');
    await pokeEverything('.note-body');
    await expectNothingRan('editor paste');

    noteId = (await page.locator('.note-view').getAttribute('data-note-id'))!;
    // Saved debounced: wait until the stored note has the last vector's text.
    await expect.poll(async () => JSON.stringify((await getRecord<{ content: unknown }>(page, 'notes', noteId))?.content ?? ''), { timeout: 10_000 }).toContain(`After ${LAST_PLAIN}`);
    // Hostile text may survive as text; what matters is that no node or mark carries a live attribute.
    const attrs: [string, unknown][] = [];
    const types = new Set<string>();
    const walk = (node: unknown) => {
      if (!node || typeof node !== 'object') return;
      const n = node as { type?: string; attrs?: Record<string, unknown>; content?: unknown[]; marks?: unknown[] };
      if (n.type) types.add(n.type);
      for (const entry of Object.entries(n.attrs ?? {})) attrs.push(entry);
      for (const child of [...(n.content ?? []), ...(n.marks ?? [])]) walk(child);
    };
    walk((await getRecord<{ content: unknown }>(page, 'notes', noteId))!.content);
    for (const [name, value] of attrs) {
      expect(name).not.toMatch(/^on|^style$|^src|srcdoc/i);
      if (name === 'href' && value != null) expect(String(value)).toMatch(/^(https?:\/\/|mailto:)/);
      expect(String(value)).not.toMatch(/^\s*(javascript|vbscript|data):|xss\.invalid/i);
    }
    expect([...types].filter((t) => /image|iframe|script|embed|object|svg|math|html/i.test(t))).toEqual([]);
  });

  it('the briefing preview and the Markdown and HTML exports of that note run and load nothing', async () => {
    const { page } = app;
    await page.keyboard.press(`${MOD}+p`);
    const dialog = page.getByRole('dialog', { name: 'Export briefing' });
    await ui(dialog).toBeVisible();
    const preview = page.frameLocator('.export-preview iframe');
    await ui(preview.locator('body'), { timeout: 20_000 }).toContainText(`After ${LAST_PLAIN}`);
    const previewBad = await preview.locator('body').evaluate((body) =>
      Array.from(body.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name) || /javascript:|xss\.invalid/i.test(a.value)).map((a) => `${el.localName}[${a.name}]`)),
    );
    expect(previewBad).toEqual([]);
    // The preview is for looking: its links (contents entries, the note's web links) keep their
    // text and look but no href, so clicking, middle-clicking or Shift-clicking them goes nowhere.
    const previewLinks = preview.locator('a');
    expect(await previewLinks.count()).toBeGreaterThan(0);
    expect(await preview.locator('[href]').count()).toBe(0);
    await ui(preview.locator('a', { hasText: 'ping link' })).toHaveAttribute('title', 'https://ok.example/');
    await clickEveryLink(previewLinks);
    await expectNothingRan('briefing preview');
    const previewFrame = await page.locator('.export-preview iframe').elementHandle().then((frame) => frame!.contentFrame());
    expect(previewFrame!.url()).toBe('about:srcdoc');
    await ui(preview.locator('body')).toContainText(`After ${LAST_PLAIN}`);

    // The HTML page of the case, saved by main, then opened with JavaScript on and the network watched.
    const formats = dialog.getByRole('region', { name: 'Other formats' });
    const htmlFile = join(dir, 'case.html');
    app.savePicks.push(htmlFile);
    await formats.getByRole('button', { name: 'HTML page' }).click();
    await ui(page.locator('.toast', { hasText: /Saved/ }).first(), { timeout: 60_000 }).toBeVisible();
    const markdownZip = join(dir, 'case.zip');
    app.savePicks.push(markdownZip);
    await formats.getByRole('button', { name: 'Markdown (.zip)' }).click();
    await expect.poll(() => readdirSync(dir).includes('case.zip'), { timeout: 30_000 }).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const exported = readFileSync(htmlFile, 'utf8');
    expect(exported).toContain(`After ${LAST_PLAIN}`);
    const viewer = await app.context.newPage();
    ownPages.add(viewer);
    const viewerRequests: string[] = [];
    await viewer.route('**/*', (route) => {
      viewerRequests.push(route.request().url());
      return route.abort();
    });
    await viewer.setContent(exported, { waitUntil: 'load' });
    await viewer.evaluate(() => {
      for (const el of Array.from(document.querySelectorAll('*'))) for (const type of ['mouseover', 'focus', 'load', 'error']) el.dispatchEvent(new Event(type, { bubbles: true }));
    });
    await viewer.waitForTimeout(300);
    const live = await viewer.evaluate(() =>
      Array.from(document.querySelectorAll('*')).flatMap((el) => [
        ...(/^(script|iframe|frame|object|embed|img|math|form|input|base|meta|link)$/.test(el.localName) && !(el.localName === 'meta' && (!el.hasAttribute('http-equiv') || /^content-security-policy$/i.test(el.getAttribute('http-equiv')!))) ? [`<${el.localName}>`] : []),
        ...Array.from(el.attributes).filter((a) => /^on/i.test(a.name) || /^\s*(javascript|vbscript|data:text)|xss\.invalid/i.test(a.value)).map((a) => `${el.localName}[${a.name}=${a.value.slice(0, 40)}]`),
      ]),
    );
    expect(live).toEqual([]);
    // The page carries its own CSP (shared/export/html.ts), which is part of why nothing ran.
    expect(exported).toMatch(/<meta http-equiv="Content-Security-Policy"/);
    expect(await viewer.evaluate(() => (window as unknown as { __xss: string[] }).__xss)).toEqual([]);
    expect(viewerRequests.filter((u) => !u.startsWith('data:'))).toEqual([]);
    await viewer.close();

    // Markdown keeps the hostile text as text: no raw HTML a Markdown viewer would render.
    const files = unzipSync(new Uint8Array(readFileSync(markdownZip)));
    const markdown = Object.entries(files).filter(([name]) => name.endsWith('.md')).map(([, bytes]) => new TextDecoder().decode(bytes)).join('\n');
    expect(markdown).toContain(`After ${LAST_PLAIN}`);
    // Rendered the way a Markdown viewer would, raw HTML allowed: the hostile text must stay text.
    const rendered = new MarkdownIt({ html: true, linkify: true }).render(markdown);
    expect(rendered).toContain('&lt;img src=x onerror=');
    expect(rendered).not.toMatch(/<(script|img|iframe|svg|math|object|embed|form|style|link|meta|base)\b|<[a-z][^>]*\son[a-z]+\s*=|href="\s*(javascript|vbscript|data):|xss\.invalid/i);
    await expectNothingRan('exports');
  });
});
