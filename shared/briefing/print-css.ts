import type { BriefingPageSize } from './model';

/**
 * The font families the stylesheet asks for. They come from the bundled
 * @fontsource packages, inlined by whoever prints (see the `fontCss` option
 * of `composeBriefing`); without them the system's serif and sans stand in.
 * Noto Sans SC is the sans for headings and labels: its Latin is Source
 * Sans, the designed partner of Source Serif, and it covers Chinese. It is
 * also the serif stack's CJK fallback (no serif CJK font is bundled). Inter
 * is not used: it ships only as a variable font, which Chromium embeds in a
 * PDF as Type 3 outlines rather than as a real font.
 */
export const BRIEFING_FONT_FAMILIES = {
  serif: ['Source Serif 4', 'Noto Serif', 'Noto Sans SC'],
  // Source Serif 4 only for the punctuation Noto Sans SC draws full-width (see briefing-fonts.ts).
  sans: ['Noto Sans SC', 'Source Serif 4'],
} as const;

const stack = (families: readonly string[], generic: string) => [...families.map((f) => `'${f}'`), generic].join(', ');

/** Page margins, in inches: the running header and footer print inside the top and bottom ones. */
export const PAGE_MARGINS_IN = { top: 0.9, bottom: 0.85, left: 1.1, right: 1.1 } as const;

/**
 * The print stylesheet: a policy-briefing look (serif text at a comfortable
 * measure, sans-serif headings, restrained colour), page breaks that keep a
 * heading with what follows it, tables that shrink and wrap rather than run
 * off the page.
 */
export function printCss(pageSize: BriefingPageSize): string {
  return `
@page { size: ${pageSize === 'Letter' ? 'letter' : 'A4'}; }
:root {
  --serif: ${stack(BRIEFING_FONT_FAMILIES.serif, 'serif')};
  --sans: ${stack(BRIEFING_FONT_FAMILIES.sans, 'sans-serif')};
  --ink: #1b1f24;
  --muted: #56606b;
  --rule: #c9d0d8;
  --accent: #1f3a5f;
  --handling: #7a1f1f;
}
/* Always printed light: the app's dark theme (or the system's) never reaches the page, on screen or on paper. */
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; color-scheme: light only; background: #fff; }
body { margin: 0; font-family: var(--serif); font-size: 10.5pt; line-height: 1.5; color: var(--ink); font-kerning: normal; font-variant-ligatures: common-ligatures; }

/*
 * Headings: sans, clearly stepped, never left alone at the foot of a page.
 * Line height stays "normal" (Noto Sans SC's own, about 1.45): a tighter one
 * lets the glyphs overhang the line box, and Chromium then writes a heading
 * that starts a page twice into the PDF outline ("ContentsContents").
 */
h1, h2, h3, h4 { font-family: var(--sans); color: var(--accent); line-height: normal; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
h1 { font-size: 19pt; font-weight: 700; margin: 0 0 16pt; padding-bottom: 7pt; border-bottom: 1.25pt solid var(--accent); letter-spacing: -0.005em; }
h2 { font-size: 13.5pt; font-weight: 600; margin: 20pt 0 6pt; }
h3 { font-size: 11.5pt; font-weight: 600; margin: 16pt 0 5pt; }
h4 { font-size: 10pt; font-weight: 700; margin: 14pt 0 4pt; text-transform: uppercase; letter-spacing: 0.06em; color: var(--ink); }
.chapter { break-before: page; page-break-before: always; }

p { margin: 0 0 7pt; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 8pt; padding-left: 1.5em; }
li { margin: 0 0 3pt; }
li > p { margin: 0 0 3pt; }
li::marker { color: var(--muted); }
strong { font-weight: 600; }
a { color: var(--accent); text-decoration: underline; text-decoration-thickness: 0.5pt; text-underline-offset: 1.5pt; }
blockquote { margin: 10pt 0 12pt; padding: 1pt 0 1pt 13pt; border-left: 2.5pt solid #8a9bb0; color: #333a42; font-style: italic; break-inside: avoid; }
blockquote p:last-child { margin-bottom: 0; }
hr { border: 0; border-top: 0.75pt solid var(--rule); margin: 14pt 0; }

/* Entity mentions: a thin rule in the entity type's colour, readable in greyscale too. */
.entity-mention { border-bottom: 0.9pt solid var(--mention, #8a9bb0); padding-bottom: 0.2pt; }
.entity-person { --mention: #2f6b9a; }
.entity-organization, .entity-company { --mention: #8a5a12; }
.entity-publicbody { --mention: #5b4a8b; }
.entity-place { --mention: #2e7d4f; }
.entity-event { --mention: #a23b3b; }
.entity-substance { --mention: #6b6b6b; }
.entity-figure { --mention: #0f7c80; }

/* A bar of one width for every name; the word inside stays selectable, black on black. */
.redacted { display: inline-block; width: 4.6em; height: 0.95em; line-height: 0.95em; vertical-align: -0.12em; background: #000; color: #000; overflow: hidden; font-style: normal; font-weight: 400; font-size: 1em; border: 0; text-decoration: none; }

/* Endnote references. */
sup.endnote-ref { font-family: var(--sans); font-size: 6.8pt; line-height: 0; vertical-align: 0.55em; margin-left: 0.08em; }
sup.endnote-ref a { text-decoration: none; color: var(--accent); font-weight: 600; }

/*
 * Tables: full width; words wrap between themselves, and a word too long for
 * its cell breaks rather than pushing the table off the page. Wide tables
 * (see table-nodes.ts) print smaller, and very wide ones may break any word.
 */
table { width: 100%; border-collapse: collapse; margin: 10pt 0 12pt; font-family: var(--sans); font-size: 8.6pt; line-height: 1.45; overflow-wrap: break-word; }
table.wide { font-size: 7.6pt; }
table.very-wide { font-size: 6.8pt; overflow-wrap: anywhere; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid var(--rule); padding: 3.5pt 5pt; vertical-align: top; text-align: left; }
th { background: #eef1f5; font-weight: 600; color: var(--accent); }
td p, th p { margin: 0 0 2pt; }
td p:last-child, th p:last-child { margin-bottom: 0; }

/* Title page. */
.title-page { padding-top: 1.6in; break-after: page; page-break-after: always; }
.handling-mark { display: inline-block; font-family: var(--sans); font-weight: 700; font-size: 9pt; letter-spacing: 0.14em; text-transform: uppercase; color: var(--handling); border: 1pt solid var(--handling); padding: 3pt 8pt; margin: 0 0 0.9in; }
.kicker { font-family: var(--sans); font-size: 9pt; font-weight: 600; letter-spacing: 0.18em; text-transform: uppercase; color: var(--muted); margin: 0 0 8pt; }
.doc-title { font-family: var(--serif); font-size: 28pt; line-height: 1.15; font-weight: 600; color: var(--accent); margin: 0 0 12pt; }
.doc-subtitle { font-size: 14pt; line-height: 1.35; color: #3b4450; margin: 0 0 22pt; font-style: italic; }
.title-block { border-left: 4pt solid var(--accent); padding-left: 16pt; margin-bottom: 28pt; }
.doc-summary { font-size: 10.5pt; color: #333a42; max-width: 5.2in; margin: 0 0 36pt; }
.imprint { font-family: var(--sans); font-size: 9pt; display: grid; grid-template-columns: max-content 1fr; gap: 4pt 14pt; margin: 0; padding-top: 10pt; border-top: 0.75pt solid var(--rule); max-width: 5.2in; }
.imprint dt { color: var(--muted); text-transform: uppercase; letter-spacing: 0.08em; font-size: 7.5pt; padding-top: 1pt; }
.imprint dd { margin: 0; }
.redaction-notice { font-family: var(--sans); font-size: 8.5pt; color: var(--muted); margin-top: 18pt; }

/* Contents. */
.toc { break-after: page; page-break-after: always; }
.toc-list { list-style: none; padding: 0; margin: 0; font-family: var(--sans); font-size: 10pt; }
.toc-entry a { display: flex; align-items: baseline; color: var(--ink); text-decoration: none; }
.toc-entry { margin: 0; break-inside: avoid; }
.toc-depth-0 { margin-top: 9pt; font-weight: 600; }
.toc-depth-1 { padding-left: 1.4em; font-size: 9.3pt; margin-top: 2pt; }
.toc-depth-2 { padding-left: 2.8em; font-size: 9pt; color: var(--muted); margin-top: 1pt; }
.toc-title { flex: 0 1 auto; }
.toc-leader { flex: 1 1 auto; border-bottom: 0.75pt dotted #9aa3ad; margin: 0 5pt; position: relative; top: -3pt; min-width: 1em; }
.toc-page { flex: 0 0 2.4em; text-align: right; font-variant-numeric: tabular-nums; }
/* The digit palettes (toc.ts): painted, so the font subset has every digit, on a line of no height, then removed from the PDF. */
.toc-digits { height: 0; overflow: visible; white-space: nowrap; font-family: var(--sans); font-size: 10pt; line-height: 0; font-variant-numeric: tabular-nums; color: var(--ink); }
.toc-digits-w600 { font-weight: 600; }
.toc-digits-w400 { font-weight: 400; }

/* Endnotes. */
.endnote-list { font-size: 9pt; line-height: 1.42; padding-left: 2em; }
.endnote-list li { margin-bottom: 6pt; break-inside: avoid; }
.endnote-list li::marker { font-family: var(--sans); font-weight: 600; color: var(--accent); }
.endnote-source { font-style: italic; }
.endnote-quote { quotes: '\\201C' '\\201D'; }
.fingerprint, .fingerprint-changed { display: block; font-family: var(--sans); font-size: 7.3pt; color: var(--muted); margin-top: 1pt; }
.endnote-list li.unverified { border-left: 2.5pt solid var(--handling); padding-left: 5pt; margin-left: -7.5pt; }
.endnote-unverified { display: block; font-family: var(--sans); font-size: 8pt; font-weight: 700; color: var(--handling); letter-spacing: 0.02em; }
code { font-family: var(--sans); font-variant-numeric: tabular-nums; letter-spacing: 0.01em; word-break: break-all; }

/* Appendices. */
.appendix-intro { color: var(--muted); font-size: 9.5pt; }
.entity-type { margin-top: 16pt; }
.entity-entry { margin: 0 0 7pt; break-inside: avoid; }
.entity-name { font-family: var(--sans); font-weight: 600; font-size: 9.8pt; margin: 0; }
.entity-aliases { font-size: 8.8pt; color: var(--muted); margin: 0; font-style: italic; }
.entity-description { font-size: 9.5pt; margin: 1pt 0 0; }
table.timeline td.event-date { width: 1.2in; white-space: nowrap; font-variant-numeric: tabular-nums; }
.event-title { font-weight: 600; }
.event-description { color: #333a42; }
table.source-list td.source-imported { white-space: nowrap; }
table.source-list td.source-cited { text-align: right; }
table.source-list td.fingerprint { display: table-cell; width: 1.9in; font-size: 7pt; }
.source-file { color: var(--muted); font-size: 8pt; }
.empty { color: var(--muted); font-style: italic; }
`;
}
