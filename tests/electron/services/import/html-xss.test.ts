import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHtml, parseWebPage, sanitizeForReader } from '../../../../electron/services/import/html';
import { DEFAULT_LIMITS } from '../../../../electron/services/import/types';
import { htmlText } from '../../../../shared/sources/html-text';

/**
 * Hostile HTML through the saved-page importer. Two kinds of proof: the
 * output holds only structural tags and harmless attributes, and loading it
 * into a jsdom that DOES run scripts, then firing every event a payload could
 * hang on (and clicking every link), sets no flag. A control shows the same
 * harness catches the raw payloads.
 */

const PAYLOADS: [name: string, html: string][] = [
  ['script', '<script>window.__pwned = "script"</script>'],
  ['img onerror', '<img src=x onerror="window.__pwned = \'img\'">'],
  ['svg onload', '<svg onload="window.__pwned = \'svg\'"><circle r="4"/></svg>'],
  ['svg animate/set', '<svg><a><set attributeName="href" to="javascript:window.__pwned=1"/><text y="20">svg link</text></a></svg>'],
  ['javascript: link', '<a href="javascript:window.__pwned = \'link\'">js link</a>'],
  ['javascript: split by an entity tab', '<a href="jav&#x09;ascript:window.__pwned = \'tab\'">tab link</a>'],
  ['javascript: as entities, mixed case, padded', '<a href="  &#74;aVaScRiPt&colon;window.__pwned=1">entity link</a>'],
  ['vbscript: link', '<a href="vbscript:msgbox(1)">vb link</a>'],
  ['data: link', '<a href="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+">data link</a>'],
  ['data: image', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIj4=">'],
  ['iframe', '<iframe src="javascript:parent.__pwned = \'iframe\'"></iframe><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'],
  ['embed', '<embed src="https://evil.example/x.swf" type="application/x-shockwave-flash">'],
  ['object', '<object data="javascript:window.__pwned=1"><param name="src" value="https://evil.example/x.swf">object fallback</object>'],
  ['mutation XSS via form/math/mglyph', '<form><math><mtext></form><form><mglyph><style></math><img src onerror="window.__pwned = \'mxss\'">'],
  ['mutation XSS via noscript', '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>"></noscript>'],
  ['namespace confusion via svg/style', '<svg></p><style><a id="</style><img src=1 onerror=window.__pwned=1>">'],
  ['details ontoggle', '<details open ontoggle="window.__pwned = \'details\'"><summary>summary</summary>details body</details>'],
  ['DOM clobbering by id and name', '<a id="__pwned" href="https://ok.example/">clobber</a><img name="__pwned">'],
  ['base href', '<base href="https://evil.example/">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0; url=javascript:window.__pwned=1">'],
  ['remote stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['style block with url()', '<style>@import url(https://evil.example/i.css); p { background: url(https://evil.example/b.png) }</style>'],
  ['style attribute with url()', '<p style="background-image: url(https://evil.example/track.png)">styled paragraph</p>'],
  ['srcset and picture', '<img srcset="https://evil.example/a.png 1x, https://evil.example/b.png 2x"><picture><source srcset="https://evil.example/c.png"></picture>'],
  ['media with poster', '<video poster="https://evil.example/p.png" autoplay onplay="window.__pwned=1"><source src="https://evil.example/v.mp4"></video>'],
  ['form action', '<form action="javascript:window.__pwned=1"><button formaction="javascript:window.__pwned=1">send</button></form>'],
  ['template', '<template><img src=x onerror="window.__pwned=1"></template>'],
  ['link target', '<a href="https://ok.example/" target="_blank" ping="https://evil.example/ping">target link</a>'],
];

/** Elements and attributes sanitized HTML may hold (shared/sources/sanitize.ts allows these and no more). */
const STRUCTURE = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'code',
  'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'del', 'ins', 'abbr', 'cite', 'q', 'time', 'a',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'figure', 'figcaption', 'span', 'div', 'section',
  'article', 'header', 'footer',
]);
const ATTRIBUTES = new Set(['href', 'title', 'colspan', 'rowspan', 'lang', 'dir', 'datetime', 'rel']);

function expectInert(html: string): void {
  const { document } = new JSDOM(`<!doctype html><body>${html}`).window;
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    expect(STRUCTURE.has(element.localName), `<${element.localName}> survived`).toBe(true);
    for (const attribute of Array.from(element.attributes)) {
      expect(ATTRIBUTES.has(attribute.name), `${attribute.name}="${attribute.value}" on <${element.localName}>`).toBe(true);
      if (attribute.name === 'href') expect(attribute.value).toMatch(/^(?:https?:\/\/|mailto:|#)/);
    }
  }
  expect(html).not.toMatch(/javascript:|vbscript:|data:|<script|<style|\son\w+\s*=|evil\.example\/\w+\.(?:png|css|swf|mp4)/i);
}

/** Loads `html` as a page and into a reader element of a script-running jsdom, fires every plausible event, clicks every link; returns what a payload would have set. */
async function detonate(html: string): Promise<unknown> {
  const { window } = new JSDOM(`<!doctype html><body>${html}<div id="reader"></div>`, { runScripts: 'dangerously', virtualConsole: new VirtualConsole() });
  window.document.getElementById('reader')!.innerHTML = html;
  for (const element of Array.from(window.document.querySelectorAll('*'))) {
    for (const type of ['error', 'load', 'click', 'toggle', 'focus', 'mouseover', 'play', 'begin']) element.dispatchEvent(new window.Event(type));
    if (element instanceof window.HTMLAnchorElement) element.click();
  }
  // jsdom runs a javascript: link's code in a later task, in the order the links were followed: a last link of our
  // own says when every earlier one has run (a fixed wait lost the control's on a busy machine).
  const sentinel = window.document.createElement('a');
  sentinel.href = 'javascript:window.__detonated = true';
  window.document.documentElement.append(sentinel);
  sentinel.click();
  const detonated = () => (window as unknown as { __detonated?: boolean }).__detonated === true;
  for (let waited = 0; !detonated() && waited < 10_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(detonated(), 'the harness’s own javascript: link ran').toBe(true);
  // Read before closing: a clobbered name is a live collection that dies with the window.
  const flag = (window as unknown as { __pwned?: unknown }).__pwned;
  const seen = flag === undefined ? undefined : String(flag);
  window.close();
  return seen;
}

/** The text contract: the sanitized HTML is a fixed point and its text is `text`. */
function expectTextMatches(html: string, text: string): void {
  const { window } = new JSDOM('');
  expect(sanitizeForReader(html, window).html).toBe(html);
  expect(htmlText(new JSDOM(`<!doctype html><body>${html}`).window.document.body)).toBe(text);
}

const page = (body: string, head = '') =>
  new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>Council minutes</title>${head}</head><body>${body}</body></html>`);
const PROSE = 'The council approved the harbour budget after a long debate about dredging costs, pension liabilities and the audit findings. '.repeat(3);

describe('the detonation harness', () => {
  it.each([
    ['script', '<script>window.__pwned = 1</script>'],
    ['img onerror', '<img src=x onerror="window.__pwned = 1">'],
    ['svg onload', '<svg onload="window.__pwned = 1"></svg>'],
    ['javascript: link', '<a href="javascript:window.__pwned = 1">x</a>'],
    ['details ontoggle', '<details ontoggle="window.__pwned = 1"></details>'],
    ['DOM clobbering', '<a id="__pwned">x</a>'],
  ])('catches a raw %s payload (control)', async (_name, raw) => {
    expect(await detonate(raw)).toBeDefined();
  });
});

describe('sanitizeForReader', () => {
  it.each(PAYLOADS)('neutralizes %s', async (_name, payload) => {
    const { html, text } = sanitizeForReader(`<p>before</p>${payload}<p>after</p>`, new JSDOM('').window);
    expectInert(html);
    expect(await detonate(html)).toBeUndefined();
    // (Some payloads leave an element open that swallows "after"; "before" always stays.)
    expect(text.startsWith('before')).toBe(true);
    expectTextMatches(html, text);
  });

  it('keeps safe links, drops target and adds rel', () => {
    const { html } = sanitizeForReader('<a href="https://ok.example/" target="_blank">ok</a>', new JSDOM('').window);
    expect(html).toBe('<a href="https://ok.example/" rel="noopener noreferrer nofollow">ok</a>');
  });
});

describe('parseHtml with hostile pages', () => {
  const allPayloads = PAYLOADS.map(([, html]) => html).join('\n');

  it('keeps the article and nothing dangerous when the payloads sit inside it (Readability path)', async () => {
    const body = `<article><h1>Council minutes</h1><p>${PROSE}</p><p>The motion carried by nine votes to four.</p>${allPayloads}<p>${PROSE}</p></article>`;
    const parsed = await parseHtml({ bytes: page(body, allPayloads), fileName: 'hostile.html', limits: DEFAULT_LIMITS });
    expect(parsed.text).toContain('The motion carried by nine votes to four.');
    expectInert(parsed.html!);
    expect(await detonate(parsed.html!)).toBeUndefined();
    expectTextMatches(parsed.html!, parsed.text);
  });

  it('keeps nothing dangerous when Readability gives up and the body is used', async () => {
    const parsed = await parseHtml({ bytes: page(`<aside><p>Only an aside.</p>${allPayloads}</aside>`), fileName: 'aside.html', limits: DEFAULT_LIMITS });
    expect(parsed.text).toMatch(/^Only an aside\./);
    expectInert(parsed.html!);
    expect(await detonate(parsed.html!)).toBeUndefined();
    expectTextMatches(parsed.html!, parsed.text);
  });

  it('keeps nothing dangerous on a large page read by the simplified path, payloads in its head and body', async () => {
    const body = `<article><h1>Council minutes</h1><p>${PROSE}</p>${allPayloads}<p>The motion carried by nine votes to four.</p></article>`;
    const parsed = parseWebPage({ html: new TextDecoder().decode(page(body, allPayloads)), fileName: 'hostile.html', encoding: 'utf-8', simplifyAbove: 0 });
    expect(parsed.metadata.simplified).toBeDefined();
    expect(parsed.text).toContain('The motion carried by nine votes to four.');
    expectInert(parsed.html!);
    expect(await detonate(parsed.html!)).toBeUndefined();
    expectTextMatches(parsed.html!, parsed.text);
  });

  it('uses no <base href="javascript:…"> or data: base to resolve links', async () => {
    const parsed = await parseHtml({
      bytes: page(`<p>${PROSE}<a href="x">relative</a> <a href="data:text/html,hi">data</a></p>`, '<base href="javascript:window.__pwned=1//">'),
      fileName: 'base.html',
      limits: DEFAULT_LIMITS,
    });
    expect(parsed.html).not.toMatch(/href=/);
    expect(parsed.text).toContain('relative data');
  });
});

describe('no remote resource is loaded', () => {
  let server: Server;
  let origin: string;
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end('window.__pwned = "fetched"');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('while parsing a page full of references to a live server, nor when its result is loaded', async () => {
    const references = [
      `<link rel="stylesheet" href="${origin}/style.css">`,
      `<script src="${origin}/script.js"></script>`,
      `<style>@import url(${origin}/import.css);</style>`,
      `<meta http-equiv="refresh" content="0; url=${origin}/refresh">`,
      `<img src="${origin}/img.png" srcset="${origin}/srcset.png 2x">`,
      `<iframe src="${origin}/frame.html"></iframe>`,
      `<object data="${origin}/object"></object><embed src="${origin}/embed">`,
      `<video poster="${origin}/poster.png" src="${origin}/video.mp4"></video>`,
      `<p style="background:url(${origin}/bg.png)">${PROSE}</p>`,
    ].join('');
    // Saved from the server itself, so jsdom's document URL (and every relative reference) points at it.
    const location = `${origin}/page.html`;
    const savedFrom = `<!-- saved from url=(${String(location.length).padStart(4, '0')})${location} -->`;
    const html = `${savedFrom}\n<!doctype html><html><head>${references}</head><body><article>${references}<p>${PROSE}</p></article></body></html>`;
    const parsed = await parseHtml({ bytes: new TextEncoder().encode(html), fileName: 'tracking.html', limits: DEFAULT_LIMITS });
    expect(parsed.metadata.url).toBe(location);
    expect(await detonate(parsed.html!)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hits).toEqual([]);

    // Control: the server does answer.
    await fetch(`${origin}/control`).then((response) => response.text());
    expect(hits).toEqual(['/control']);
  });
});
