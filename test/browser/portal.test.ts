import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayUtc } from '../../shared/dates.js';
import { SOLUTION_AREAS } from '../../shared/model/primitives.js';
import type { ScoreDocument } from '../../shared/scoring/document.js';
import { bodyOf, startTestHost, TEST_KEY, type TestHost } from '../integration/testHost.js';
import { launchBrowser, screenshot, signedInPage, type TestBrowser } from './browser.js';

// The portal as a person sees it: `npm start`'s host serving the built page beside the API, driven in headless Chromium.
let host: TestHost;
let browser: TestBrowser;
let dashboard: Page;
let scores: ScoreDocument;

const dayBefore = (days: number) => new Date(Date.parse(todayUtc()) - days * 86_400_000).toISOString().slice(0, 10);
/** A partner with one Azure administrator: Infrastructure's intermediate metric is gated on two. */
const ONE_ADMIN = 'one-admin-kk';
const ADMIN = (personId: string, day: string) => ({ personId, linkedOn: day, certifications: [{ id: 'azure-administrator-associate', earnedOn: day }] });

beforeAll(async () => {
  host = await startTestHost({ demo: true });
  await host.drained();
  // Two earlier nights, so the history holds three stored days of the demo partner.
  for (const day of [dayBefore(2), dayBefore(1)]) {
    await host.runDailyJob('nightlyRecompute', day);
    await host.drained();
  }
  expect((await host.api('/api/partners', { method: 'POST', json: { partnerId: ONE_ADMIN, name: 'One Admin K.K.', country: 'JP' } })).status).toBe(201);
  // Six partners in all, so the operators' list has two pages of five.
  for (const n of [1, 2, 3, 4]) expect((await host.api('/api/partners', { method: 'POST', json: { partnerId: `paged-${n}`, name: `Paged ${n} Ltd`, country: 'DE' } })).status).toBe(201);
  const { personId, ...person } = ADMIN('admin-1', '2025-01-01');
  expect((await host.api(`/api/partners/${ONE_ADMIN}/people/${personId}`, { method: 'PUT', json: person })).status).toBeLessThan(300);
  scores = await bodyOf(await host.api('/api/partners/contoso-jp/scores'));
  browser = await launchBrowser();
  dashboard = await signedInPage(browser.context, host.url, TEST_KEY);
  await dashboard.locator('[data-area] [data-score]').first().waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('the partner dashboard in a browser', () => {
  it('opens on the demo partner and shows the numbers of GET /scores for all six areas', async () => {
    expect(await dashboard.locator('[data-partner-id]').textContent()).toBe('contoso-jp');
    for (const area of SOLUTION_AREAS) {
      const result = scores.areas[area];
      const card = dashboard.locator(`[data-area="${area}"]`);
      expect(await card.locator('[data-score]').textContent(), area).toBe(result.score.toFixed(2));
      expect(await card.locator('[data-qualifies]').getAttribute('data-qualifies'), area).toBe(String(result.qualifies));
      expect(await card.locator('[data-qualifies]').textContent(), area).toContain(result.qualifies ? 'Qualifies' : 'Does not qualify');
      expect(await card.locator('[data-shortfall]').allTextContents(), area).toEqual(result.shortfall);
      const metrics = Object.values(result.metrics);
      expect(await card.locator('[data-metric]').count(), area).toBe(metrics.length);
      for (const metric of metrics) {
        const row = card.locator(`[data-metric="${metric.metric}"]`);
        expect(await row.locator('[data-points]').textContent(), `${area} ${metric.metric}`).toBe(metric.points.toFixed(2));
        expect(await row.locator('[data-max]').textContent(), `${area} ${metric.metric}`).toBe(metric.maxPoints.toFixed(2));
        expect(await row.locator('[data-to-full]').textContent()).toBe(metric.toFullPoints ? `To full points: ${metric.toFullPoints}` : 'Full points');
        expect(await row.locator('[data-gate]').count()).toBe(metric.gate ? 1 : 0);
      }
    }
  });

  it('shows each area’s designation and badge as GET /designations and /badges say', async () => {
    const { designations } = await bodyOf(await host.api('/api/partners/contoso-jp/designations'));
    const { badges } = await bodyOf(await host.api('/api/partners/contoso-jp/badges'));
    expect(designations.length).toBeGreaterThan(0);
    for (const area of SOLUTION_AREAS) {
      const d = designations.find((x: { area: string }) => x.area === area);
      const card = dashboard.locator(`[data-area="${area}"]`);
      expect(await card.locator('[data-designation]').getAttribute('data-designation')).toBe(!d ? 'none' : d.status === 'lapsed' ? 'lapsed' : d.atRisk ? 'at-risk' : 'active');
      if (d?.renewsOn) expect(await card.locator('[data-designation]').textContent()).toContain(`renews on ${d.renewsOn}`);
      const badge = badges.find((b: { area?: string }) => b.area === area);
      expect(await card.locator('[data-badge]').allTextContents()).toEqual(badge ? [expect.stringContaining(badge.badge)] : []);
    }
  });

  it('opens a metric to its contributors, with their months and values', async () => {
    const metric = scores.areas.infrastructure.metrics.deployments!;
    expect(metric.contributors.length).toBeGreaterThan(1);
    const row = dashboard.locator('[data-area="infrastructure"] [data-metric="deployments"]');
    await row.locator('summary').focus();
    await dashboard.keyboard.press('Enter'); // keyboard reachable: a summary opens with Enter
    const listed = row.locator('[data-contributor]');
    await listed.first().waitFor();
    expect(await listed.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-contributor')))).toEqual(metric.contributors.map((c) => c.id));
    const first = metric.contributors[0]!;
    const text = await listed.first().textContent();
    for (const m of first.months) expect(text).toContain(`${m.month}: ${m.value}`);
  });

  it('draws one point per stored day in each area’s history chart', async () => {
    const history = await bodyOf(await host.api('/api/partners/contoso-jp/history'));
    expect(history.days.length).toBe(3);
    for (const area of SOLUTION_AREAS) {
      const chart = dashboard.locator(`[data-history-area="${area}"] score-chart`);
      await chart.locator('canvas').waitFor();
      expect(await chart.getAttribute('data-points'), area).toBe(String(history.days.length));
    }
    expect(await dashboard.locator('[data-day]').count()).toBe(history.days.length);
  });

  it('shows an area’s path, paths and track, and a metric’s association option, when the score document has them', async () => {
    // Issue 10 adds these fields; until the API sends them, the test adds them to the real answer on its way to the page.
    const page = await browser.context.newPage();
    await page.route('**/api/partners/contoso-jp/scores', async (route) => {
      const document = await (await route.fetch()).json();
      Object.assign(document.areas.modernWork, { path: 'smb', paths: { enterprise: 61.5, smb: 80.5 }, track: 'smb', trackReason: 'fewer than 300 paid seats at the largest customer' });
      document.areas.modernWork.metrics.netCustomerAdds.option = 'CPOR';
      await route.fulfill({ json: document });
    });
    await page.goto(`${host.url}/`);
    await page.getByLabel('Function key').fill(TEST_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const card = page.locator('[data-area="modernWork"]');
    await card.locator('[data-path]').waitFor();
    const text = await card.locator('[data-path]').textContent();
    for (const expected of ['Path: Smb', 'Enterprise 61.50', 'Smb 80.50', 'Track: Smb', 'fewer than 300 paid seats']) expect(text).toContain(expected);
    expect(await card.locator('[data-metric="netCustomerAdds"] [data-option]').textContent()).toBe('via CPOR');
    // Areas without them show neither.
    expect(await page.locator('[data-area="security"] [data-path]').count()).toBe(0);
    await page.close();
  });

  it('is reachable from the keyboard: a skip link first, then the navigation, and every metric is a focusable control', async () => {
    const page = await signedInPage(browser.context, host.url, TEST_KEY);
    await page.locator('[data-area] [data-score]').first().waitFor();
    const focused = () => page.evaluate<string>('document.activeElement.textContent.trim()');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('main'); // after signing in
    await page.reload(); // the key stays for the tab's session: no second sign-in
    await page.locator('[data-area] [data-score]').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Dashboard');
    // A <summary> is in the tab order by itself: one per metric of the six areas.
    const metrics = SOLUTION_AREAS.reduce((n, area) => n + Object.keys(scores.areas[area].metrics).length, 0);
    expect(await page.locator('[data-metric] > summary').count()).toBe(metrics);
    await page.close();
  });

  it('shows another day’s scores when the as-of date changes, as GET /scores?asOf= says', async () => {
    const page = await signedInPage(browser.context, host.url, TEST_KEY);
    const day = dayBefore(150);
    const then: ScoreDocument = await bodyOf(await host.api(`/api/partners/contoso-jp/scores?asOf=${day}`));
    const changed = SOLUTION_AREAS.find((area) => then.areas[area].score !== scores.areas[area].score);
    expect(changed).toBeDefined();
    await page.getByLabel('Scores as of').fill(day);
    await expect.poll(() => page.evaluate<string>('location.hash')).toBe(`#/partners/contoso-jp?asOf=${day}`);
    await expect.poll(() => page.locator(`[data-area="${changed}"] [data-score]`).textContent()).toBe(then.areas[changed!].score.toFixed(2));
    for (const area of SOLUTION_AREAS) expect(await page.locator(`[data-area="${area}"] [data-score]`).textContent(), area).toBe(then.areas[area].score.toFixed(2));
    await page.close();
  });

  it('serves the page at / and any page path, beside /api and /admin as before', async () => {
    for (const path of ['/', '/partners/contoso-jp']) {
      const response = await fetch(`${host.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<div id="app">');
    }
    expect((await host.api('/api/nowhere')).status).toBe(404);
    expect((await host.api('/admin/functions/nothing', { method: 'POST' })).status).toBe(404);
    // Only files of the bundle are served: an escape upwards gets the page, not the repository.
    const escaped = await fetch(`${host.url}/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json`);
    expect(await escaped.text()).not.toContain('"devDependencies"');
  });

  it('writes screenshots of the dashboard at desktop and phone widths', async () => {
    await dashboard.setViewportSize({ width: 1280, height: 900 });
    await screenshot(dashboard, 'dashboard-desktop.png');
    await dashboard.setViewportSize({ width: 390, height: 844 });
    await screenshot(dashboard, 'dashboard-phone.png');
    // Phone width: no sideways scrolling of the page itself (wide tables scroll inside their own box).
    expect(await dashboard.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await dashboard.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('what-if, operators and errors in a browser', () => {
  it('the what-if of a second administrator raises Infrastructure as the API says', async () => {
    const page = await signedInPage(browser.context, host.url, TEST_KEY, `#/partners/${ONE_ADMIN}`);
    const form = page.locator('[data-what-if="person"]');
    await form.getByLabel('Certification').selectOption('azure-administrator-associate');
    await form.getByLabel('Person id').fill('admin-2');
    await form.getByRole('button').click();
    const row = page.locator('[data-what-if-area="infrastructure"]');
    await row.waitFor();
    const asOf = (await bodyOf(await host.api(`/api/partners/${ONE_ADMIN}/scores`))).asOf;
    const api = await bodyOf(await host.api(`/api/partners/${ONE_ADMIN}/what-if`, { method: 'POST', json: { asOf, people: [ADMIN('admin-2', todayUtc())] } }));
    const change = api.changes.infrastructure;
    expect(change.scoreAfter).toBeGreaterThan(change.scoreBefore);
    expect(await row.locator('[data-before]').textContent()).toBe(change.scoreBefore.toFixed(2));
    expect(await row.locator('[data-after]').textContent()).toBe(change.scoreAfter.toFixed(2));
    // Nothing stored: the partner's own scores are as before.
    expect((await bodyOf(await host.api(`/api/partners/${ONE_ADMIN}/scores`))).areas.infrastructure.score).toBe(change.scoreBefore);
    await page.close();
  });

  it('the what-if of a new customer’s month shows, area by area, what the API answers', async () => {
    const page = await signedInPage(browser.context, host.url, TEST_KEY);
    const form = page.locator('[data-what-if="customer"]');
    await form.getByLabel('Customer id').fill('new-co');
    await form.getByLabel('Customer is').selectOption('PAL');
    await form.getByLabel('Service').fill('Azure Kubernetes Service');
    await form.getByLabel('Area').selectOption('dataAi');
    await form.getByLabel('ACR (USD)').fill('5000');
    await form.getByLabel('Paid seats').fill('40');
    await form.getByRole('button').click();
    await page.locator('[data-what-if-area]').first().waitFor();
    const month = scores.evaluationMonth;
    const usage = { paidSeats: 40, activeUsers: 0, protectedUsers: 0, azureServices: [{ name: 'Azure Kubernetes Service', area: 'dataAi', acrUsd: 5000 }], bizApps: { revenueUsd: 0, mcv: 0 } };
    const customer = { customerId: 'new-co', idType: 'tenant', country: 'JP', production: true, associations: [{ type: 'PAL', from: `${month}-01` }], months: { [month]: usage } };
    const { changes } = await bodyOf(await host.api('/api/partners/contoso-jp/what-if', { method: 'POST', json: { asOf: scores.asOf, customers: [customer] } }));
    // A new service adds a deployment, and the new customer's baseline joins the growth's denominator (SPEC §3.3): Data & AI moves.
    expect(changes.dataAi.scoreAfter).not.toBe(changes.dataAi.scoreBefore);
    for (const area of SOLUTION_AREAS) {
      const row = page.locator(`[data-what-if-area="${area}"]`);
      expect([await row.locator('[data-before]').textContent(), await row.locator('[data-after]').textContent()], area).toEqual([changes[area].scoreBefore.toFixed(2), changes[area].scoreAfter.toFixed(2)]);
    }
    await page.close();
  });

  it('lists partners page by page with their qualification at a glance, and finds one by search', async () => {
    const page = await signedInPage(browser.context, host.url, TEST_KEY, '#/partners');
    const ids = () => page.locator('[data-partner]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-partner')));
    await page.locator('[data-partner="contoso-jp"] [data-chip]').first().waitFor();
    const infra = page.locator('[data-partner="contoso-jp"] [data-chip="infrastructure"]');
    expect(await infra.textContent()).toContain(scores.areas.infrastructure.qualifies ? 'qualifies' : 'does not qualify');
    expect(await infra.textContent()).toContain(scores.areas.infrastructure.score.toFixed(2));

    const all = (await bodyOf(await host.api('/api/partners?limit=200'))).items.map((p: { partnerId: string }) => p.partnerId);
    expect(all).toHaveLength(6);
    await page.getByLabel('Per page').selectOption('5');
    await expect.poll(ids).toHaveLength(5);
    const first = await ids();
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(ids).toHaveLength(1);
    expect([...first, ...(await ids())].sort()).toEqual([...all].sort());
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(ids).toEqual(first);

    // The search looks through every page opened so far, by id or name.
    await page.getByLabel('Search the pages opened so far').fill('one admin');
    expect(await ids()).toEqual([ONE_ADMIN]);
    await page.getByLabel('Search the pages opened so far').fill('PAGED');
    expect((await ids()).sort()).toEqual(['paged-1', 'paged-2', 'paged-3', 'paged-4']);
    await page.close();
  });

  it('shows an API error as the sentence the API sends', async () => {
    const page = await signedInPage(browser.context, host.url, TEST_KEY, '#/partners/no-such-partner');
    const { message } = await bodyOf(await host.api('/api/partners/no-such-partner/scores'));
    await page.locator('[data-error]').first().waitFor();
    expect(await page.locator('[data-error]').allTextContents()).toEqual([`Error: ${message}`]);
    await page.close();
  });

  it('shows a refused what-if with the API’s sentence naming the field', async () => {
    const page = await signedInPage(browser.context, host.url, TEST_KEY);
    const form = page.locator('[data-what-if="person"]');
    await form.getByLabel('Person id').fill('not an id');
    await form.getByRole('button').click();
    const api = await host.api('/api/partners/contoso-jp/what-if', { method: 'POST', json: { asOf: scores.asOf, people: [ADMIN('not an id', todayUtc())] } });
    expect(api.status).toBe(400);
    const { message } = await bodyOf(api);
    expect(message).toContain('personId');
    await page.locator('[data-what-if-result] [data-error]').waitFor();
    expect(await page.locator('[data-what-if-result] [data-error]').textContent()).toBe(`Error: ${message}`);
    await page.close();
  });

  it('a wrong function key brings back the sign-in with the API’s refusal', async () => {
    const page = await signedInPage(browser.context, host.url, 'not-the-key');
    const { message } = await bodyOf(await host.api('/api/partners/contoso-jp/scores', { key: 'not-the-key' }));
    await page.getByLabel('Function key').waitFor();
    expect(await page.locator('[data-error]').textContent()).toBe(message);
    // The right key then reads everything again: nothing of the refused attempt is kept.
    await page.getByLabel('Function key').fill(TEST_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-area="infrastructure"] [data-score]').waitFor();
    expect(await page.locator('[data-error]').count()).toBe(0);
    await page.close();
  });
});
