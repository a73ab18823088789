// The partner dashboard in headless Chromium: the same numbers as the API, the why, history, as-of, keyboard, screenshots.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOLUTION_AREAS } from '../../shared/model/primitives.js';
import type { ScoreDocument } from '../../shared/scoring/index.js';
import { bodyOf, TEST_KEY, type TestHost } from '../integration/testHost.js';
import { screenshot, signedInPage, type TestBrowser } from './browser.js';
import { dayBefore, startPortal, type Portal } from './fixture.js';

let portal: Portal;
let host: TestHost;
let browser: TestBrowser;
let scores: ScoreDocument;
let dashboard: Page;

beforeAll(async () => {
  portal = await startPortal(async (h) => {
    // Two earlier nights, so the history holds three stored days of the demo partner.
    for (const day of [dayBefore(2), dayBefore(1)]) {
      await h.runDailyJob('nightlyRecompute', day);
      await h.drained();
    }
  });
  ({ host, browser, scores } = portal);
  dashboard = await signedInPage(browser.context, host.url, TEST_KEY);
  await dashboard.locator('[data-area] [data-score]').first().waitFor();
}, 120_000);

afterAll(async () => {
  await portal?.stop();
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
        expect(await row.locator('[data-to-full]').textContent()).toBe(
          metric.toFullPoints ? `To full points: ${metric.toFullPoints}` : 'Full points',
        );
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
      expect(await card.locator('[data-designation]').getAttribute('data-designation')).toBe(
        !d ? 'none' : d.status === 'lapsed' ? 'lapsed' : d.atRisk ? 'at-risk' : 'active',
      );
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
    expect(await listed.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-contributor')))).toEqual(
      metric.contributors.map((c) => c.id),
    );
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

  it('shows an area’s path and both paths’ totals, a track and why, and a metric’s association option, as GET /scores says', async () => {
    const scores = await bodyOf(await host.api('/api/partners/contoso-jp/scores'));
    const mw = scores.areas.modernWork;
    const infrastructure = scores.areas.infrastructure;
    // The demo partner qualifies in Modern Work only on the SMB path, and is on the Enterprise track for Azure.
    expect(mw.path).toBe('smb');
    expect(infrastructure.track).toBe('enterprise');
    const page = await signedInPage(browser.context, host.url, TEST_KEY);
    const card = page.locator('[data-area="modernWork"]');
    await card.locator('[data-path]').waitFor();
    const text = await card.locator('[data-path]').textContent();
    for (const expected of ['Path: SMB', `Enterprise ${mw.paths.enterprise.toFixed(2)}`, `SMB ${mw.paths.smb.toFixed(2)}`])
      expect(text).toContain(expected);
    expect(await card.locator('[data-metric="usageGrowth"] [data-option]').textContent()).toBe(`via ${mw.metrics.usageGrowth.option}`);
    const azure = await page.locator('[data-area="infrastructure"] [data-path]').textContent();
    expect(azure).toContain('Track: Enterprise');
    expect(azure).toContain(infrastructure.trackReason);
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
    await expect
      .poll(() => page.locator(`[data-area="${changed}"] [data-score]`).textContent())
      .toBe(then.areas[changed!].score.toFixed(2));
    for (const area of SOLUTION_AREAS)
      expect(await page.locator(`[data-area="${area}"] [data-score]`).textContent(), area).toBe(then.areas[area].score.toFixed(2));
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
