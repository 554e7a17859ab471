import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';

/** The seeded story, in the order it happened (the list). */
const STORY = [
  'Nancy Pelosi visit to Taiwan',
  'CCP moratorium on drug-enforcement cooperation with the U.S.',
  'House hearing “The CCP’s Business Model Fueling the Fentanyl Crisis”',
  'House Appropriations Committee budget hearing',
  'DOJ charges against two Chinese precursor suppliers',
  'Treasury sanctions on two Chinese entities and five individuals',
  'Chinese Foreign Ministry response to U.S. sanctions',
  'Operation SpecTor results announced',
];

const rowTitles = (page: Page) => page.locator('.tl-row .tl-title-text').allInnerTexts();
const row = (page: Page, title: string) => page.locator('.tl-row', { has: page.locator('.tl-title-text', { hasText: title }) }).first();

/** Where a graph element is drawn on screen. The canvas has no DOM per node, so ask Cytoscape (through its container's registry). */
async function screenPoint(page: Page, elementId: string): Promise<{ x: number; y: number }> {
  const canvas = page.locator('.graph-canvas');
  const box = (await canvas.boundingBox())!;
  const point = await canvas.evaluate((el, id) => {
    const cy = (el as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
    const ele = cy.getElementById(id);
    return ele.isEdge() ? ele.renderedMidpoint() : (ele as import('cytoscape').NodeSingular).renderedPosition();
  }, elementId);
  return { x: box.x + point.x, y: box.y + point.y };
}

describe('timeline and graph', () => {
  let app: LaunchedApp | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  it('shows the seeded events in order, filters them, and moves one live when its date is edited', async () => {
    app = await launchApp();
    const { page } = app;
    await page.locator('.explore-section').getByRole('button', { name: 'Timeline' }).click();
    await ui(page.locator('.tl-row').first()).toBeVisible();

    const titles = await rowTitles(page);
    const positions = STORY.map((title) => titles.indexOf(title));
    expect(positions.every((p) => p >= 0), `missing: ${STORY.filter((_, i) => positions[i]! < 0).join(', ')}`).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    await ui(row(page, 'Nancy Pelosi visit to Taiwan').locator('.tl-date time')).toHaveText('Aug 2022');
    await ui(row(page, 'House Appropriations Committee budget hearing').locator('.tl-date time')).toHaveText('29 Mar 2023');
    await ui(row(page, 'Operation SpecTor results announced').locator('.tl-date time')).toHaveText('2 May 2023');
    // Each item carries its citations, checked against the source.
    await ui(row(page, 'Nancy Pelosi visit to Taiwan').locator('.quote-link[data-citation-state="ok"]').first()).toBeVisible();
    // Every item has a mark on the axis.
    await ui(page.locator('.tl-svg .tl-mark')).toHaveCount(titles.length);
    await app.screenshot('timeline-01-seeded');

    // Zooming narrows the axis; Fit brings everything back.
    const before = await page.locator('.tl-svg').getAttribute('data-view-start');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    expect(await page.locator('.tl-svg').getAttribute('data-view-start')).not.toBe(before);

    // Only events.
    await page.locator('.filter-chip[data-value="Event"]').click();
    await ui(page.locator('.tl-row')).toHaveCount(14);
    await app.screenshot('timeline-02-events-zoomed');
    await page.getByRole('button', { name: 'Show all' }).click();
    await page.getByRole('button', { name: 'Fit' }).click();

    // Only what concerns Merrick Garland.
    await page.getByRole('button', { name: 'Filter by entity…' }).click();
    await page.keyboard.type('Merrick');
    await page.locator('.entity-filter-picker [role="option"]', { hasText: 'Merrick Garland' }).first().click();
    await ui(page.locator('.entity-filter-chip')).toContainText('Merrick Garland');
    expect(await rowTitles(page)).toEqual(expect.arrayContaining(['House Appropriations Committee budget hearing', 'Merrick Garland testimony on Chinese-made precursors']));
    expect(await rowTitles(page)).not.toContain('Nancy Pelosi visit to Taiwan');
    await page.getByRole('button', { name: 'Remove filter Merrick Garland' }).click();

    // A click opens the item in the inspector; a date edited there moves the item at once.
    await row(page, 'Nancy Pelosi visit to Taiwan').locator('.tl-title').click();
    const inspector = page.locator('.inspector');
    await ui(inspector.locator('.entity-name')).toHaveText('Nancy Pelosi visit to Taiwan');
    await ui(row(page, 'Nancy Pelosi visit to Taiwan')).toHaveAttribute('class', 'tl-row entity-event is-selected');
    await inspector.getByRole('button', { name: 'Edit' }).click();
    await inspector.getByLabel('date value', { exact: true }).fill('2023-06-01');
    await inspector.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await rowTitles(page)).at(-1)).toBe('Nancy Pelosi visit to Taiwan');
    await ui(row(page, 'Nancy Pelosi visit to Taiwan').locator('.tl-date time')).toHaveText('1 Jun 2023');
    await ui(page.locator('.tl-mark.is-selected')).toHaveCount(1);
    await app.screenshot('timeline-03-date-edited');
    expect(app.pageErrors).toEqual([]);
  });

  it('opens the graph on Yuancheng Group, shows a relation and its citation, expands, filters and exports', async () => {
    app = await launchApp();
    const { page } = app;
    await page.locator('.entity-group[data-entity-type="Company"] .group-toggle').click();
    await page.locator('.entity-group[data-entity-type="Company"] .side-link', { hasText: 'Yuancheng Group' }).click();
    const inspector = page.locator('.inspector');
    await ui(inspector.locator('.entity-name')).toHaveText('Yuancheng Group');
    await inspector.getByRole('button', { name: 'Show in graph' }).click();

    const canvas = page.locator('.graph-canvas');
    await ui(canvas).toHaveAttribute('data-node-count', '7');
    const nodes = page.locator('.graph-list[aria-label="Entities in the graph"] li');
    expect(await nodes.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Wuhan'), expect.stringContaining('Fentanyl products'), expect.stringContaining('Chinese pharmaceutical companies')]));
    await ui(page.locator('.graph-view')).toHaveAttribute('data-focus-id', 'ent-yuancheng-group');
    await app.screenshot('graph-01-yuancheng');

    // A click on the line to Wuhan shows the relation and its citation.
    const edge = await screenPoint(page, 'rel-yuancheng-located-wuhan');
    await page.mouse.click(edge.x, edge.y);
    const selected = page.locator('.graph-selection[aria-label="Selected relation"]');
    await ui(selected.locator('.graph-edge-sentence')).toHaveText('Yuancheng Group located in Wuhan');
    await ui(selected.locator('.quote-link[data-citation-state="ok"]')).toContainText('Yuancheng Group, a chemical company in Wuhan, China');
    await app.screenshot('graph-02-edge');

    // A click on a node opens it in the inspector; a double-click shows its neighbours.
    const wuhan = await screenPoint(page, 'ent-wuhan');
    await page.mouse.click(wuhan.x, wuhan.y);
    await ui(inspector.locator('.entity-name')).toHaveText('Wuhan');
    // A pause, as a user makes: Cytoscape counts clicks within 250 ms as one multi-click.
    await page.waitForTimeout(400);
    await page.mouse.dblclick(wuhan.x, wuhan.y);
    await expect.poll(async () => Number(await canvas.getAttribute('data-node-count'))).toBeGreaterThan(7);
    await ui(page.locator('.graph-list li[data-hop="2"]').first()).toBeVisible();
    await app.screenshot('graph-03-expanded');

    // Only places (the focus stays).
    await page.locator('.filter-chip[data-value="Place"]').click();
    await expect.poll(async () => (await nodes.evaluateAll((lis) => lis.map((li) => li.querySelector('.graph-list-item')!.className)))).toSatisfy(
      (classes: string[]) => classes.length >= 2 && classes.slice(1).every((c) => c.includes('entity-place')),
    );
    await page.getByRole('button', { name: 'Show all' }).click();

    // Export: an SVG and a PNG file of the whole graph, each through main's save dialog, each said in a toast.
    const svgPath = join(app.profile.dataDir, 'yuancheng-group-graph.svg');
    app.savePicks.push(svgPath);
    await page.getByRole('button', { name: 'Export SVG' }).click();
    await ui(page.locator('.toast', { hasText: 'Saved the graph as SVG' })).toContainText(svgPath);
    const svgText = readFileSync(svgPath, 'utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('Wuhan');
    const pngPath = join(app.profile.dataDir, 'yuancheng-group-graph.png');
    app.savePicks.push(pngPath);
    await page.getByRole('button', { name: 'Export PNG' }).click();
    await ui(page.locator('.toast', { hasText: 'Saved the graph as PNG' })).toContainText(pngPath);
    expect(readFileSync(pngPath).subarray(1, 4).toString('latin1')).toBe('PNG');
    // Cancelling the dialog saves nothing and says nothing.
    await page.getByRole('button', { name: 'Export PNG' }).click();
    await ui(page.locator('.toast', { hasText: 'Saved the graph' })).toHaveCount(2);

    // Without a focus: the whole (small) case.
    await page.getByRole('button', { name: 'Remove filter Yuancheng Group' }).click();
    await ui(canvas).toHaveAttribute('data-node-count', '92');
    // Drawn small, the whole case still names its most connected nodes, the most connected of all among them, readable on screen.
    const named = () =>
      canvas.evaluate((el) => {
        const cy = (el as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
        const zoom = cy.zoom();
        const readable = cy.nodes().filter((n) => String(n.style('label') ?? '') !== '' && n.numericStyle('font-size') * zoom >= Math.max(9, n.numericStyle('min-zoomed-font-size')));
        const top = cy.nodes().max((n) => Number(n.data('degree'))).ele;
        return { count: readable.length, top: readable.contains(top), zoom };
      });
    await expect.poll(named).toMatchObject({ count: expect.any(Number), top: true });
    expect((await named()).count).toBeGreaterThanOrEqual(6);
    expect((await named()).zoom).toBeLessThan(0.9);
    await app.screenshot('graph-04-whole-case');
    expect(app.pageErrors).toEqual([]);
  });
});
