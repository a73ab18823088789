import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleSetFor } from '../../rules/index.js';
import { scoreFileText } from '../../shared/cli/scoreFile.js';
import { scorePartner, toScoreDocument, toScoreSummary } from '../../shared/scoring/index.js';
import type { PartnerFactsInput } from '../../shared/model/partner.js';
import { todayUtc } from '../../shared/clock.js';
import { bodyOf, startTestHost, until, type TestHost } from './testHost.js';
import { adapters } from '../../functions/edge/composition.js';

const sampleText = readFileSync(new URL('../../local/demo/contoso-jp.json', import.meta.url), 'utf8');
const sample = JSON.parse(sampleText) as PartnerFactsInput;

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost({ settings: { MAX_REQUEST_BYTES: '2000000' } });
});
afterAll(async () => {
  await host?.stop();
});

async function createPartner(partnerId: string, extra: Record<string, unknown> = {}) {
  const response = await host.api('/api/partners', {
    method: 'POST',
    json: { partnerId, name: `Partner ${partnerId}`, country: 'JP', ...extra },
  });
  expect(response.status).toBe(201);
  return response;
}

async function putCustomer(partnerId: string, customerId: string) {
  const response = await host.api(`/api/partners/${partnerId}/customers/${customerId}`, {
    method: 'PUT',
    json: { idType: 'tenant', country: 'JP', production: true, associations: [{ type: 'CPOR', from: '2023-01-01' }] },
  });
  expect([200, 201]).toContain(response.status);
  return response;
}

describe('create → upload → score', () => {
  it('scores an uploaded partner exactly as the command line scores the same file', async () => {
    const { partner, customers = [], people = [] } = sample;
    await createPartner(partner.partnerId, { name: partner.name, locations: partner.locations });
    for (const { customerId, months, ...profile } of customers) {
      const put = await host.api(`/api/partners/${partner.partnerId}/customers/${customerId}`, { method: 'PUT', json: profile });
      expect(put.status).toBe(201);
      expect(put.headers.get('etag')).toMatch(/^".+"$/);
    }
    const rows = customers.flatMap((c) =>
      Object.entries(c.months ?? {}).map(([month, usage]) => ({ customerId: c.customerId, month, usage })),
    );
    const upload = await host.api(`/api/partners/${partner.partnerId}/usage`, { method: 'POST', json: { rows } });
    expect(upload.status).toBe(200);
    expect(await bodyOf(upload)).toEqual({ customers: customers.length, months: rows.length });
    for (const { personId, ...profile } of people) {
      expect((await host.api(`/api/partners/${partner.partnerId}/people/${personId}`, { method: 'PUT', json: profile })).status).toBe(201);
    }

    const scores = await host.api(`/api/partners/${partner.partnerId}/scores?asOf=2025-06-15`);
    expect(scores.status).toBe(200);
    const cli = scoreFileText(sampleText, '2025-06-15');
    if (!cli.ok) throw new Error(cli.message);
    expect(await bodyOf(scores)).toEqual(cli.document);
  });

  it('answers what-if without storing anything', async () => {
    const before = await adapters().partners.customers.loadFacts('contoso-jp');
    const response = await host.api('/api/partners/contoso-jp/what-if', {
      method: 'POST',
      json: {
        asOf: '2025-06-15',
        customers: [
          {
            customerId: 'new-tenant',
            idType: 'tenant',
            country: 'JP',
            production: true,
            segment: 'smb',
            associations: [{ type: 'CPOR', from: '2024-01-01' }],
            months: { '2025-05': { paidSeats: 100 } },
          },
        ],
      },
    });
    expect(response.status).toBe(200);
    const body = await bodyOf(response);
    // One more SMB-sized tenant is one more net add on Modern Work's SMB path: 2 points.
    expect(body.changes.modernWork.scoreAfter - body.changes.modernWork.scoreBefore).toBeCloseTo(2, 9);
    expect(body.hypothetical.areas.modernWork.path).toBe('smb');
    expect(await adapters().partners.customers.loadFacts('contoso-jp')).toEqual(before);
  });

  it('queues a recompute with 202, which stores today’s snapshot', async () => {
    const today = todayUtc();
    const response = await host.api('/api/partners/contoso-jp/recompute', { method: 'POST' });
    expect(response.status).toBe(202);
    await until(async () => (await adapters().partners.snapshots.between('contoso-jp', today, today)).length === 1);
    const history = await bodyOf(await host.api(`/api/partners/contoso-jp/history?from=${today}&to=${today}`));
    expect(history.days[0].summary.asOf).toBe(today);
  });
});

describe('validation: 400 naming the field, and nothing written', () => {
  it('a bad partner body', async () => {
    const response = await host.api('/api/partners', {
      method: 'POST',
      json: { partnerId: 'bad-country', name: 'X', country: 'Japan', extra: 1 },
    });
    expect(response.status).toBe(400);
    const body = await bodyOf(response);
    expect(body.error).toBe('invalid_request');
    expect(body.issues).toEqual(
      expect.arrayContaining([
        { path: 'body.country', message: 'expected an ISO 3166-1 alpha-2 country code such as JP' },
        expect.objectContaining({ path: 'body' }),
      ]),
    );
    expect((await host.api('/api/partners/bad-country')).status).toBe(404);
  });

  it('a body that is not JSON, or missing', async () => {
    const response = await host.api('/api/partners', {
      method: 'POST',
      body: '{"partnerId":',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).issues[0].path).toBe('body');
    // Declared JSON but empty: the body is missing (400); not declared JSON at all: 415, empty or not.
    const empty = await host.api('/api/partners', { method: 'POST', body: '', headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(400);
    expect((await bodyOf(empty)).issues).toEqual([{ path: 'body', message: 'a JSON body is required' }]);
    expect((await host.api('/api/partners', { method: 'POST' })).status).toBe(415);
  });

  it('a bad month in the path, a negative count in the body: nothing stored', async () => {
    await createPartner('validation-p');
    await putCustomer('validation-p', 'c1');
    const badMonth = await host.api('/api/partners/validation-p/customers/c1/months/2024-13', { method: 'PUT', json: { paidSeats: 1 } });
    expect(badMonth.status).toBe(400);
    expect((await bodyOf(badMonth)).issues).toEqual([{ path: 'path.month', message: 'invalid month' }]);
    const negative = await host.api('/api/partners/validation-p/customers/c1/months/2024-05', { method: 'PUT', json: { paidSeats: -3 } });
    expect(negative.status).toBe(400);
    expect((await bodyOf(negative)).issues).toEqual([{ path: 'body.paidSeats', message: 'paidSeats must be 0 or more' }]);
    const facts = await adapters().partners.customers.loadFacts('validation-p');
    expect(facts?.customers[0]?.months).toEqual({});
  });

  it('Business Applications by workload and a customer segment through the API; both month shapes at once is a 400 naming the place', async () => {
    await createPartner('workloads-p');
    const customer = await host.api('/api/partners/workloads-p/customers/c1', {
      method: 'PUT',
      json: { idType: 'tenant', country: 'JP', production: true, segment: 'smb', associations: [{ type: 'CPOR', from: '2024-01-01' }] },
    });
    expect(customer.status).toBe(201);
    const month = { bizApps: { workloads: [{ workload: 'Sales', revenueUsd: 1600, units: 50 }] } };
    expect((await host.api('/api/partners/workloads-p/customers/c1/months/2025-05', { method: 'PUT', json: month })).status).toBe(200);
    const both = await host.api('/api/partners/workloads-p/customers/c1/months/2025-04', {
      method: 'PUT',
      json: { bizApps: { revenueUsd: 1, workloads: [] } },
    });
    expect(both.status).toBe(400);
    expect((await bodyOf(both)).issues).toEqual([
      { path: 'body.bizApps.workloads', message: 'a month holds either workloads or the old revenueUsd/mcv totals, not both' },
    ]);
    const upload = await host.api('/api/partners/workloads-p/usage', {
      method: 'POST',
      json: {
        rows: [{ customerId: 'c1', month: '2025-03', usage: { bizApps: { workloads: [{ workload: 'unspecified', revenueUsd: 5 }] } } }],
      },
    });
    expect(upload.status).toBe(400);
    expect((await bodyOf(upload)).issues[0].path).toBe('body.rows[0].usage.bizApps.workloads[0].workload');
    const facts = await adapters().partners.customers.loadFacts('workloads-p');
    expect(facts?.customers[0]).toMatchObject({ segment: 'smb', months: { '2025-05': month } });
    const scores = await bodyOf(await host.api('/api/partners/workloads-p/scores?asOf=2025-06-15'));
    // Sales rolls up to Customer Engagement: 50 MAU × 200 = 10,000 MCV, an SMB deployment; 1,600 USD is an SMB net add.
    expect(scores.areas.businessApplications).toMatchObject({
      track: 'smb',
      metrics: { netCustomerAdds: { value: 1 }, deployments: { value: 1 } },
    });
  });

  it('a __proto__ key anywhere in a body, and a what-if adding the other Business Applications shape to a month: 400 naming why', async () => {
    const proto = await host.api('/api/partners/workloads-p/what-if', {
      method: 'POST',
      body: '{"customers":[{"customerId":"x","idType":"tenant","country":"JP","production":true,"associations":[],"months":{"__proto__":{"paidSeats":"no"}}}]}',
      headers: { 'content-type': 'application/json' },
    });
    expect(proto.status).toBe(400);
    expect((await bodyOf(proto)).issues).toEqual([{ path: 'body', message: 'a key named __proto__ is not allowed anywhere in the JSON' }]);
    const mixed = await host.api('/api/partners/workloads-p/what-if', {
      method: 'POST',
      json: { asOf: '2025-06-15', usage: [{ customerId: 'c1', month: '2025-05', usage: { bizApps: { revenueUsd: 500, mcv: 1 } } }] },
    });
    expect(mixed.status).toBe(400);
    expect((await bodyOf(mixed)).issues[0].path).toBe('body.usage[0].usage.bizApps');
  });

  it('a person unlinked before being linked, an association ending before it starts', async () => {
    const person = await host.api('/api/partners/validation-p/people/u1', {
      method: 'PUT',
      json: { linkedOn: '2024-05-01', unlinkedOn: '2024-04-01' },
    });
    expect((await bodyOf(person)).issues).toEqual([{ path: 'body.unlinkedOn', message: 'unlinkedOn must be after linkedOn' }]);
    const customer = await host.api('/api/partners/validation-p/customers/c2', {
      method: 'PUT',
      json: { idType: 'tenant', country: 'JP', production: true, associations: [{ type: 'PAL', from: '2024-05-01', to: '2024-04-30' }] },
    });
    expect((await bodyOf(customer)).issues).toEqual([{ path: 'body.associations[0].to', message: 'to must not be before from' }]);
    expect((await adapters().partners.customers.loadFacts('validation-p'))?.people).toEqual([]);
  });

  it('an as-of date that is invalid or before the first rule set', async () => {
    const invalid = await host.api('/api/partners/validation-p/scores?asOf=2024-02-30');
    expect((await bodyOf(invalid)).issues).toEqual([{ path: 'query.asOf', message: 'invalid date' }]);
    const early = await host.api('/api/partners/validation-p/scores?asOf=2022-10-02');
    expect(early.status).toBe(400);
    expect((await bodyOf(early)).issues[0]).toEqual({
      path: 'query.asOf',
      message: 'no rule set is in force on 2022-10-02: Solutions Partner scoring starts on 2022-10-03',
    });
  });

  it('a body above the documented limit gets 413', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      customerId: 'c1',
      month: '2024-05',
      usage: { azureServices: [{ name: `service ${i}`.padEnd(500, '.'), area: 'infrastructure', acrUsd: 1 }] },
    }));
    const response = await host.api('/api/partners/validation-p/usage', { method: 'POST', json: { rows } });
    expect(response.status).toBe(413);
    expect((await bodyOf(response)).message).toBe('request bodies are limited to 2000000 bytes');
  });
});

describe('unknown things: 404', () => {
  it.each([
    ['GET', '/api/partners/nobody'],
    ['GET', '/api/partners/nobody/scores'],
    ['POST', '/api/partners/nobody/recompute'],
  ])('%s %s', async (method, path) => {
    const response = await host.api(path, { method });
    expect(response.status).toBe(404);
    expect(await bodyOf(response)).toEqual({ error: 'not_found', message: 'partner nobody not found' });
  });

  it('writes under an unknown partner, and months of an unknown customer', async () => {
    const customer = await host.api('/api/partners/nobody/customers/c1', {
      method: 'PUT',
      json: { idType: 'tenant', country: 'JP', production: true, associations: [] },
    });
    expect(customer.status).toBe(404);
    await createPartner('lonely');
    const month = await host.api('/api/partners/lonely/customers/ghost/months/2024-05', { method: 'PUT', json: {} });
    expect(month.status).toBe(404);
    expect((await bodyOf(month)).message).toBe('customer ghost of partner lonely not found; PUT the customer first');
  });
});

describe('concurrency', () => {
  it('two writers with the same If-Match: one wins, the other gets 412, nothing is lost', async () => {
    const created = await createPartner('race-p');
    const etag = created.headers.get('etag')!;
    const [a, b] = await Promise.all([
      host.api('/api/partners/race-p', { method: 'PATCH', json: { name: 'Writer A' }, headers: { 'if-match': etag } }),
      host.api('/api/partners/race-p', { method: 'PATCH', json: { country: 'US' }, headers: { 'if-match': etag } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? { name: 'Writer A', country: 'JP' } : { name: 'Partner race-p', country: 'US' };
    const current = await host.api('/api/partners/race-p');
    expect(await bodyOf(current)).toMatchObject(winner);
    // The loser retries with the fresh ETag and lands too.
    const retry = await host.api('/api/partners/race-p', {
      method: 'PATCH',
      json: a.status === 200 ? { country: 'US' } : { name: 'Writer A' },
      headers: { 'if-match': current.headers.get('etag')! },
    });
    expect(retry.status).toBe(200);
    expect(await bodyOf(retry)).toMatchObject({ name: 'Writer A', country: 'US' });
  });

  it('writers without If-Match on one customer never lose each other’s months', async () => {
    await createPartner('race-months');
    await putCustomer('race-months', 'c1');
    const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
    const responses = await Promise.all(
      months.map((m, i) => host.api(`/api/partners/race-months/customers/c1/months/${m}`, { method: 'PUT', json: { paidSeats: i + 1 } })),
    );
    expect(responses.map((r) => r.status)).toEqual(months.map(() => 200));
    const stored = (await adapters().partners.customers.loadFacts('race-months'))!.customers[0]!.months;
    expect(Object.keys(stored).sort()).toEqual(months);
  });

  it('the anniversary, once set, never changes', async () => {
    await createPartner('anniversary-p', { anniversary: '2024-11-10' });
    const response = await host.api('/api/partners/anniversary-p', { method: 'PATCH', json: { anniversary: '2025-01-01' } });
    expect(response.status).toBe(409);
  });
});

describe('/usage is all or none', () => {
  it('one row naming an unknown customer: 400 naming the row, and no row stored', async () => {
    await createPartner('bulk-p');
    await putCustomer('bulk-p', 'c1');
    await putCustomer('bulk-p', 'c2');
    const rows = [
      { customerId: 'c1', month: '2024-05', usage: { paidSeats: 10 } },
      { customerId: 'c2', month: '2024-05', usage: { paidSeats: 20 } },
      { customerId: 'c3', month: '2024-05', usage: { paidSeats: 30 } },
    ];
    const response = await host.api('/api/partners/bulk-p/usage', { method: 'POST', json: { rows } });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).issues).toEqual([
      { path: 'body.rows[2].customerId', message: 'customer c3 does not exist; PUT it first' },
    ]);
    const facts = await adapters().partners.customers.loadFacts('bulk-p');
    expect(facts!.customers.map((c) => c.months)).toEqual([{}, {}]);
  });

  it('one invalid row: 400 naming it, and no row stored', async () => {
    const rows = [
      { customerId: 'c1', month: '2024-05', usage: { paidSeats: 10 } },
      { customerId: 'c2', month: '2024-06', usage: { activeUsers: 1.5 } },
    ];
    const response = await host.api('/api/partners/bulk-p/usage', { method: 'POST', json: { rows } });
    expect((await bodyOf(response)).issues).toEqual([
      { path: 'body.rows[1].usage.activeUsers', message: 'activeUsers must be a whole number' },
    ]);
    expect((await adapters().partners.customers.loadFacts('bulk-p'))!.customers.map((c) => c.months)).toEqual([{}, {}]);
  });

  it('5,000 rows in one call are stored together', async () => {
    // 50 customers × 100 months (2000-01 to 2008-04): dates stay within the years the API accepts.
    for (let c = 3; c <= 50; c++) await putCustomer('bulk-p', `c${c}`);
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      customerId: `c${(i % 50) + 1}`,
      month: `${2000 + Math.floor(Math.floor(i / 50) / 12)}-${String((Math.floor(i / 50) % 12) + 1).padStart(2, '0')}`,
      usage: { paidSeats: i },
    }));
    const unique = [...new Map(rows.map((r) => [`${r.customerId} ${r.month}`, r])).values()];
    expect(unique).toHaveLength(5000);
    const response = await host.api('/api/partners/bulk-p/usage', { method: 'POST', json: { rows: unique } });
    expect(response.status).toBe(200);
    const facts = await adapters().partners.customers.loadFacts('bulk-p');
    expect(facts!.customers.reduce((n, c) => n + Object.keys(c.months).length, 0)).toBe(unique.length);
  });
});

describe('keys and listing', () => {
  it('every route but health and the OpenAPI document needs the function key', async () => {
    expect((await host.api('/api/partners', { key: null })).status).toBe(401);
    expect((await host.api('/api/partners', { key: 'wrong' })).status).toBe(401);
    expect((await fetch(`${host.url}/api/rules?code=${host.functionKey}`)).status).toBe(200);
    expect((await host.api('/api/health', { key: null })).status).toBe(200);
    expect((await host.api('/api/openapi.json', { key: null })).status).toBe(200);
  });

  it('lists partners a page at a time with a continuation token', async () => {
    for (const id of ['list-a', 'list-b', 'list-c']) await createPartner(id);
    const seen: string[] = [];
    let continuation: string | undefined;
    do {
      const response = await host.api(`/api/partners?limit=2${continuation ? `&continuation=${encodeURIComponent(continuation)}` : ''}`);
      expect(response.status).toBe(200);
      const page = (await bodyOf(response)) as { items: { partnerId: string }[]; continuation?: string };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((p) => p.partnerId));
      continuation = page.continuation;
    } while (continuation);
    expect(seen).toEqual([...seen].sort());
    expect(seen).toEqual(expect.arrayContaining(['list-a', 'list-b', 'list-c', 'contoso-jp']));
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('storage layout', () => {
  it('a partner’s facts come back by id in a fixed few reads, and its result goes back in one write', async () => {
    const facts = await adapters().partners.customers.loadFacts('contoso-jp');
    expect(facts!.customers).toHaveLength(sample.customers!.length);
    const summary = toScoreSummary(toScoreDocument(scorePartner(facts!, ruleSetFor('2025-06-15'), '2025-06-15')));
    expect(await adapters().partners.snapshots.save(summary, '2025-06-15T02:00:00.000Z', 'ifAbsent')).toBe('written');
    expect(await adapters().partners.snapshots.save(summary, '2025-06-15T03:00:00.000Z', 'ifAbsent')).toBe('existed');
    const [snapshot] = await adapters().partners.snapshots.between('contoso-jp', '2025-06-15', '2025-06-15');
    expect(snapshot).toMatchObject({
      id: 'snapshot:2025-06-15',
      partnerId: 'contoso-jp',
      type: 'snapshot',
      day: '2025-06-15',
      summary,
      computedAt: '2025-06-15T02:00:00.000Z',
    });
  });
});
