import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { briefingCitationCheck, briefingModelFromRecords, renderBriefingHtml } from '../../../shared/briefing';
import type { BriefingModel, BriefingNote } from '../../../shared/briefing/model';
import { checkCitationAgainst } from '../../../shared/editor/citation-check';
import { briefingModelSchema } from '../../../shared/ipc/briefing-schema';
import { seedBriefing } from './briefing-fixture';

const SHA = 'a'.repeat(64);
const FORGED_SHA = '0'.repeat(64);
const para = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const text = (value: string): JSONContent => ({ type: 'text', text: value });
const citation = (citationId: string, quote: string, sha = SHA): JSONContent => ({
  type: 'citation',
  attrs: { citationId, sourceId: 'src-1', start: 0, end: quote.length, page: 2, quote, sourceSha256: sha, sourceTitle: 'The article' },
});

function model(notes: BriefingNote[]): BriefingModel {
  return {
    title: 'Checks',
    date: '1 May 2024',
    handling: '',
    pageSize: 'A4',
    notes,
    sources: [{ id: 'src-1', title: 'The article', sha256: SHA, importedAt: 0 }],
    entities: [],
    timeline: [],
    appendices: { entities: false, timeline: false, sources: true },
    redact: false,
  };
}

const endnote = (html: string, n: number) => html.slice(html.indexOf(`<li id="endnote-${n}"`), html.indexOf('</li>', html.indexOf(`<li id="endnote-${n}"`)) + 5);
/** What a reader sees: the markup's text. */
const visible = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ');

describe('briefing endnotes of citations that fail their check', () => {
  const html = renderBriefingHtml(
    model([
      {
        id: 'n1',
        title: 'One',
        content: { type: 'doc', content: [para(text('Sound.'), citation('good', 'what the source says')), para(text('Forged.'), citation('forged', 'FABRICATED words', FORGED_SHA))] },
        citationChecks: [
          { citationId: 'good', verified: true },
          { citationId: 'forged', verified: false, problem: 'The source has changed since this passage was quoted.' },
        ],
      },
    ]),
  );

  it('opens the endnote with UNVERIFIED and the problem, in visible, styled text before the claimed quote', () => {
    const forged = endnote(html, 2);
    expect(forged).toContain('class="unverified"');
    expect(forged).toContain('<strong class="endnote-unverified">UNVERIFIED — The source has changed since this passage was quoted.</strong>');
    expect(visible(forged).indexOf('UNVERIFIED')).toBeLessThan(visible(forged).indexOf('FABRICATED words'));
    // The stylesheet makes it stand out (the handling colour, a rule beside the item).
    expect(html).toMatch(/\.endnote-unverified \{[^}]*color: var\(--handling\)/);
    expect(html).toMatch(/\.endnote-list li\.unverified \{[^}]*border-left/);
  });

  it('leaves a verified citation’s endnote as it was', () => {
    const good = endnote(html, 1);
    expect(good).toBe(`<li id="endnote-1" value="1"><cite class="endnote-source">The article</cite>, p.&nbsp;2. <q class="endnote-quote">what the source says</q> <span class="fingerprint">SHA-256 <code>${SHA}</code></span></li>`);
    expect(visible(good)).not.toContain('UNVERIFIED');
  });

  it('does not count an unverified citation as citing its source in the sources appendix', () => {
    expect(html).toContain('<td class="source-cited">1</td>');
  });

  it('prints a citation nobody checked as unverified: unchecked is not verified', () => {
    const unchecked = renderBriefingHtml(model([{ id: 'n', title: 'T', content: { type: 'doc', content: [para(citation('c', 'what the source says'))] } }]));
    expect(visible(endnote(unchecked, 1))).toContain('UNVERIFIED — It was not checked against its source.');
  });

  it('gives an id reused for other words its own endnote, and a failed check on an id wins over a good one', () => {
    const reused = renderBriefingHtml(
      model([
        { id: 'a', title: 'A', content: { type: 'doc', content: [para(citation('same', 'what the source says'))] }, citationChecks: [{ citationId: 'same', verified: true }] },
        {
          id: 'b',
          title: 'B',
          content: { type: 'doc', content: [para(citation('same', 'FABRICATED words'))] },
          citationChecks: [
            { citationId: 'same', verified: true },
            { citationId: 'same', verified: false, problem: 'The quoted passage is no longer at this place in the source.' },
          ],
        },
      ]),
    );
    expect(visible(endnote(reused, 1))).not.toContain('UNVERIFIED');
    expect(visible(endnote(reused, 2))).toContain('UNVERIFIED — The quoted passage is no longer at this place in the source.');
    expect(visible(endnote(reused, 2))).toContain('FABRICATED words');
  });

  it('escapes the problem like any other text', () => {
    const hostile = renderBriefingHtml(
      model([{ id: 'n', title: 'T', content: { type: 'doc', content: [para(citation('c', 'q'))] }, citationChecks: [{ citationId: 'c', verified: false, problem: '<img src=x onerror=alert(1)>' }] }]),
    );
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('UNVERIFIED — &lt;img');
  });
});

describe('the model carries each note’s citation checks from the records to main', () => {
  it('briefingModelFromRecords attaches the checks to their notes; main’s schema accepts them and refuses malformed ones', () => {
    const { records, model: seeded } = seedBriefing();
    const field = seeded.notes.find((n) => n.id === 'note-field')!;
    expect(field.citationChecks?.length).toBeGreaterThan(0);
    expect(field.citationChecks!.every((c) => c.verified)).toBe(true);
    expect(briefingModelSchema.safeParse(seeded).success).toBe(true);

    const bad = { ...seeded, notes: [{ ...field, citationChecks: [{ citationId: 'x', verified: 'yes' }] }] };
    expect(briefingModelSchema.safeParse(bad).success).toBe(false);
    const extra = { ...seeded, notes: [{ ...field, citationChecks: [{ citationId: 'x', verified: false, problem: 'p', quote: 'smuggled' }] }] };
    expect(briefingModelSchema.safeParse(extra).success).toBe(false);

    // A note the records hold no checks for prints its citations as unverified.
    const unchecked = briefingModelFromRecords({ ...records, sources: [records.source], citationChecks: new Map() }, { date: 'd', handling: '', pageSize: 'A4', appendices: { entities: false, timeline: false, sources: false }, redact: false });
    expect(unchecked.notes.find((n) => n.id === 'note-field')!.citationChecks).toEqual([]);
    expect(renderBriefingHtml(unchecked)).toContain('UNVERIFIED — It was not checked against its source.');
  });

  it('briefingCitationCheck records the reason a check gives', () => {
    const source = { caseId: 'case-1', sha256: SHA, text: 'what the source says' };
    const good = { start: 0, end: 4, quote: 'what', sourceSha256: SHA };
    expect(briefingCitationCheck('c', checkCitationAgainst(good, source, 'case-1'))).toEqual({ citationId: 'c', verified: true });
    expect(briefingCitationCheck('c', checkCitationAgainst(good, source, 'case-2'))).toEqual({ citationId: 'c', verified: false, problem: 'The quoted source belongs to another case.' });
    expect(briefingCitationCheck(42, checkCitationAgainst({ ...good, quote: 'FABRICATED' }, source, 'case-1'))).toEqual({
      citationId: '',
      verified: false,
      problem: 'The quoted passage is no longer at this place in the source.',
    });
  });
});
