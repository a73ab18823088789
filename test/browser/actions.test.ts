// What a person does in the portal, in headless Chromium: what-if, the operators' list, errors and sign-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayUtc } from '../../shared/clock.js';
import { SOLUTION_AREAS } from '../../shared/model/primitives.js';
import type { ScoreDocument } from '../../shared/scoring/index.js';
import { DEMO_TENANT, devToken } from '../../local/devIssuer.js';
import { bodyOf, TEST_KEY, type TestHost } from '../integration/testHost.js';
import { signedInPage, type TestBrowser } from './browser.js';
import { ADMIN, createPartner, startPortal, type Portal } from './fixture.js';

let portal: Portal;
let host: TestHost;
let browser: TestBrowser;
let scores: ScoreDocument;

/**
 * A partner with one Azure administrator and two network engineers: Infrastructure's intermediate
 * metric is gated on two administrators, so the engineers count only once a second one joins.
 */
const ONE_ADMIN = 'one-admin-kk';

beforeAll(async () => {
  portal = await startPortal(async (h) => {
    await createPartner(h, ONE_ADMIN, 'One Admin K.K.');
    const { personId, ...person } = ADMIN('admin-1', '2025-01-01');
    expect((await h.api(`/api/partners/${ONE_ADMIN}/people/${personId}`, { method: 'PUT', json: person })).status).toBeLessThan(300);
    for (const engineer of ['engineer-1', 'engineer-2']) {
      const json = { linkedOn: '2025-01-01', certifications: [{ id: 'azure-network-engineer-associate', earnedOn: '2025-01-01' }] };
      expect((await h.api(`/api/partners/${ONE_ADMIN}/people/${engineer}`, { method: 'PUT', json })).status).toBeLessThan(300);
    }
    // Seven partners in all (the two demo partners and five more), so the operators' list has two pages of five.
    for (const n of [1, 2, 3, 4]) await createPartner(h, `paged-${n}`, `Paged ${n} Ltd`);
  });
  ({ host, browser, scores } = portal);
}, 120_000);

afterAll(async () => {
  await portal?.stop();
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
    const api = await bodyOf(
      await host.api(`/api/partners/${ONE_ADMIN}/what-if`, { method: 'POST', json: { asOf, people: [ADMIN('admin-2', todayUtc())] } }),
    );
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
    const usage = {
      paidSeats: 40,
      activeUsers: 0,
      protectedUsers: 0,
      azureServices: [{ name: 'Azure Kubernetes Service', area: 'dataAi', acrUsd: 5000 }],
      bizApps: { revenueUsd: 0, mcv: 0 },
    };
    const customer = {
      customerId: 'new-co',
      idType: 'tenant',
      country: 'JP',
      production: true,
      associations: [{ type: 'PAL', from: `${month}-01` }],
      months: { [month]: usage },
    };
    const { changes } = await bodyOf(
      await host.api('/api/partners/contoso-jp/what-if', { method: 'POST', json: { asOf: scores.asOf, customers: [customer] } }),
    );
    // A new service adds a deployment, and the new customer's baseline joins the growth's denominator (SPEC §3.3): Data & AI moves.
    expect(changes.dataAi.scoreAfter).not.toBe(changes.dataAi.scoreBefore);
    for (const area of SOLUTION_AREAS) {
      const row = page.locator(`[data-what-if-area="${area}"]`);
      expect([await row.locator('[data-before]').textContent(), await row.locator('[data-after]').textContent()], area).toEqual([
        changes[area].scoreBefore.toFixed(2),
        changes[area].scoreAfter.toFixed(2),
      ]);
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
    expect(all).toHaveLength(7);
    await page.getByLabel('Per page').selectOption('5');
    await expect.poll(ids).toHaveLength(5);
    const first = await ids();
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(ids).toHaveLength(2);
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
    const api = await host.api('/api/partners/contoso-jp/what-if', {
      method: 'POST',
      json: { asOf: scores.asOf, people: [ADMIN('not an id', todayUtc())] },
    });
    expect(api.status).toBe(400);
    const { message } = await bodyOf(api);
    expect(message).toContain('personId');
    await page.locator('[data-what-if-result] [data-error]').waitFor();
    expect(await page.locator('[data-what-if-result] [data-error]').textContent()).toBe(`Error: ${message}`);
    await page.close();
  });

  it('a pasted token signs in as the demo tenant’s reader: its partner shows, another partner is refused with the API’s sentence', async () => {
    const token = await devToken({ roles: ['Partner.Reader'], tenant: DEMO_TENANT });
    const page = await signedInPage(browser.context, host.url, token);
    await page.locator('[data-area="infrastructure"] [data-score]').waitFor();
    expect(await page.locator('[data-error]').count()).toBe(0);
    await page.goto(`${host.url}/#/partners/${ONE_ADMIN}`);
    const refused = await host.api(`/api/partners/${ONE_ADMIN}/scores`, { key: null, headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(403);
    await page.locator('[data-error]').first().waitFor();
    expect(await page.locator('[data-error]').first().textContent()).toContain((await bodyOf(refused)).message);
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
