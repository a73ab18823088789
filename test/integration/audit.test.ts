import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, CONTOSO_TENANT, DEV_HOME_TENANT, FOURTH_COFFEE_TENANT, tokenFor } from './credentials.js';
import { bodyOf, startTestHost, type TestHost } from './testHost.js';

let host: TestHost;
let operator: Record<string, string>;
let admin: Record<string, string>;
let reader: Record<string, string>;
let otherAdmin: Record<string, string>;
const as = (headers: Record<string, string>, path: string, init: RequestInit & { json?: unknown } = {}) =>
  host.api(path, { ...init, key: null, headers: { ...headers, ...(init.headers as Record<string, string>) } });

interface Record_ {
  at: string;
  actor: { kind: string; oid?: string; name: string; tenantId?: string };
  operation: string;
  route: string;
  entity: Record<string, string>;
  status: number;
  version: string | null;
}
const trail = async (partnerId: string, query = ''): Promise<{ items: Record_[]; continuation?: string }> =>
  bodyOf(await as(admin, `/api/partners/${partnerId}/audit${query}`));

beforeAll(async () => {
  host = await startTestHost();
  operator = bearer(await tokenFor('Program.Operator', DEV_HOME_TENANT, { oid: 'op-oid', name: 'Olivia Operator' }));
  admin = bearer(await tokenFor('Partner.Admin', CONTOSO_TENANT, { oid: 'admin-oid', name: 'Aiko Admin' }));
  reader = bearer(await tokenFor('Partner.Reader', CONTOSO_TENANT, { oid: 'reader-oid', name: 'Riku Reader' }));
  otherAdmin = bearer(await tokenFor('Partner.Admin', FOURTH_COFFEE_TENANT));
});
afterAll(async () => {
  await host?.stop();
});

describe('the audit trail', () => {
  it('records each kind of write: who (function key or the token’s oid and name), when, the route, the entity and its new version', async () => {
    const before = new Date().toISOString();
    const created = await host.api('/api/partners', {
      method: 'POST',
      json: { partnerId: 'contoso-jp', name: 'Contoso', country: 'JP', anniversary: '2024-01-21' },
    });
    expect(created.status).toBe(201);
    const mapped = await as(operator, `/api/access/${CONTOSO_TENANT}`, { method: 'PUT', json: { partnerIds: ['contoso-jp'] } });
    const patched = await as(admin, '/api/partners/contoso-jp', { method: 'PATCH', json: { name: 'Contoso Japan' } });
    const customer = await as(admin, '/api/partners/contoso-jp/customers/t1', {
      method: 'PUT',
      json: { idType: 'tenant', country: 'JP', production: true, associations: [{ type: 'CPOR', from: '2023-01-01' }] },
    });
    const month = await as(admin, '/api/partners/contoso-jp/customers/t1/months/2025-01', { method: 'PUT', json: { paidSeats: 3 } });
    const usage = await as(admin, '/api/partners/contoso-jp/usage', {
      method: 'POST',
      json: { rows: [{ customerId: 't1', month: '2025-02', usage: { paidSeats: 4 } }] },
    });
    const person = await as(admin, '/api/partners/contoso-jp/people/u1', {
      method: 'PUT',
      json: { linkedOn: '2022-01-01', certifications: [] },
    });
    const legacy = await as(admin, '/api/partners/contoso-jp/legacy-competencies/cloud-platform', {
      method: 'PUT',
      json: { level: 'gold', earnedOn: '2021-05-01' },
    });
    const recompute = await as(operator, '/api/partners/contoso-jp/recompute', { method: 'POST' });
    expect([created, mapped, patched, customer, month, usage, person, legacy, recompute].map((r) => r.status)).toEqual([
      201, 200, 200, 201, 200, 200, 201, 201, 202,
    ]);
    const after = new Date().toISOString();

    const { items } = await trail('contoso-jp');
    const user = (oid: string, name: string, tenantId: string) => ({ kind: 'user', oid, name, tenantId });
    const aiko = user('admin-oid', 'Aiko Admin', CONTOSO_TENANT);
    expect(items.map(({ at: _, ...rest }) => rest)).toEqual([
      {
        actor: user('op-oid', 'Olivia Operator', DEV_HOME_TENANT),
        operation: 'requestRecompute',
        route: 'POST partners/{partnerId}/recompute',
        entity: { partnerId: 'contoso-jp' },
        status: 202,
        version: null,
      },
      {
        actor: aiko,
        operation: 'putLegacyCompetency',
        route: 'PUT partners/{partnerId}/legacy-competencies/{competency}',
        entity: { partnerId: 'contoso-jp', competency: 'cloud-platform' },
        status: 201,
        version: legacy.headers.get('etag'),
      },
      {
        actor: aiko,
        operation: 'putPerson',
        route: 'PUT partners/{partnerId}/people/{personId}',
        entity: { partnerId: 'contoso-jp', personId: 'u1' },
        status: 201,
        version: person.headers.get('etag'),
      },
      {
        actor: aiko,
        operation: 'postUsage',
        route: 'POST partners/{partnerId}/usage',
        entity: { partnerId: 'contoso-jp' },
        status: 200,
        version: usage.headers.get('etag'),
      },
      {
        actor: aiko,
        operation: 'putCustomerMonth',
        route: 'PUT partners/{partnerId}/customers/{customerId}/months/{month}',
        entity: { partnerId: 'contoso-jp', customerId: 't1', month: '2025-01' },
        status: 200,
        version: month.headers.get('etag'),
      },
      {
        actor: aiko,
        operation: 'putCustomer',
        route: 'PUT partners/{partnerId}/customers/{customerId}',
        entity: { partnerId: 'contoso-jp', customerId: 't1' },
        status: 201,
        version: customer.headers.get('etag'),
      },
      {
        actor: aiko,
        operation: 'updatePartner',
        route: 'PATCH partners/{partnerId}',
        entity: { partnerId: 'contoso-jp' },
        status: 200,
        version: patched.headers.get('etag'),
      },
      {
        actor: user('op-oid', 'Olivia Operator', DEV_HOME_TENANT),
        operation: 'putAccess',
        route: 'PUT access/{tenantId}',
        entity: { tenantId: CONTOSO_TENANT },
        status: 200,
        version: mapped.headers.get('etag'),
      },
      {
        actor: { kind: 'functionKey', name: 'function key' },
        operation: 'createPartner',
        route: 'POST partners',
        entity: { partnerId: 'contoso-jp' },
        status: 201,
        version: created.headers.get('etag'),
      },
    ]);
    expect(patched.headers.get('etag')).toMatch(/^".+"$/);
    for (const { at } of items) expect(at >= before && at <= after, at).toBe(true);
    expect(items.map((i) => i.at)).toEqual([...items.map((i) => i.at)].sort().reverse());
  });

  it('records no reads, no what-if, and no refused or failed write', async () => {
    const count = (await trail('contoso-jp')).items.length;
    expect((await as(reader, '/api/partners/contoso-jp')).status).toBe(200);
    expect((await as(reader, '/api/partners/contoso-jp/what-if', { method: 'POST', json: {} })).status).toBe(200);
    expect((await as(admin, '/api/partners/contoso-jp', { method: 'PATCH', json: { name: 42 } })).status).toBe(400);
    expect((await as(reader, '/api/partners/contoso-jp', { method: 'PATCH', json: { name: 'Not allowed' } })).status).toBe(403);
    expect(
      (await as(admin, '/api/partners/contoso-jp', { method: 'PATCH', headers: { 'if-match': '"999"' }, json: { name: 'Stale' } })).status,
    ).toBe(412);
    expect((await trail('contoso-jp')).items).toHaveLength(count);
  });

  it('a change of the access map is recorded with every partner the tenant gained or lost', async () => {
    await host.api('/api/partners', { method: 'POST', json: { partnerId: 'fourth-coffee', name: 'Fourth Coffee', country: 'JP' } });
    await as(operator, `/api/access/${FOURTH_COFFEE_TENANT}`, { method: 'PUT', json: { partnerIds: ['fourth-coffee', 'contoso-jp'] } });
    await as(operator, `/api/access/${FOURTH_COFFEE_TENANT}`, { method: 'DELETE' });
    const ofContoso = (await trail('contoso-jp')).items.filter((i) => i.entity.tenantId === FOURTH_COFFEE_TENANT).map((i) => i.operation);
    expect(ofContoso).toEqual(['deleteAccess', 'putAccess']);
    const ofFourthCoffee = (await bodyOf(await as(operator, '/api/partners/fourth-coffee/audit'))).items.map((i: Record_) => i.operation);
    expect(ofFourthCoffee).toEqual(['deleteAccess', 'putAccess', 'createPartner']);
  });

  it('is paged, newest first, for the partner’s admins and operators only', async () => {
    const all = (await trail('contoso-jp')).items;
    const first = await trail('contoso-jp', '?limit=4');
    expect(first.items).toEqual(all.slice(0, 4));
    const second = await trail('contoso-jp', `?limit=4&continuation=${first.continuation}`);
    expect(second.items).toEqual(all.slice(4, 8));
    expect((await bodyOf(await as(operator, '/api/partners/contoso-jp/audit'))).items).toEqual(all);
    expect((await as(reader, '/api/partners/contoso-jp/audit')).status).toBe(403);
    expect((await as(otherAdmin, '/api/partners/contoso-jp/audit')).status).toBe(403);
  });

  it('a made-up, truncated or borrowed continuation is a 400 naming query.continuation, not a 500 nor page one', async () => {
    const ofContoso = (await trail('contoso-jp', '?limit=1')).continuation!;
    const ofFourthCoffee = (await bodyOf(await as(operator, '/api/partners/fourth-coffee/audit?limit=1'))).continuation as string;
    const ofPartners = (await bodyOf(await host.api('/api/partners?limit=1'))).continuation as string;
    expect([ofContoso, ofFourthCoffee, ofPartners].every((t) => typeof t === 'string')).toBe(true);
    for (const token of ['hello', ofContoso.slice(0, -3), ofFourthCoffee, ofPartners]) {
      const response = await as(operator, `/api/partners/contoso-jp/audit?limit=1&continuation=${token}`);
      expect(response.status).toBe(400);
      expect((await bodyOf(response)).issues).toEqual([
        {
          path: 'query.continuation',
          message: 'not a continuation token this listing gave (altered, truncated or from another listing); start again without it',
        },
      ]);
    }
    expect((await as(operator, `/api/partners/contoso-jp/audit?limit=1&continuation=${ofContoso}`)).status).toBe(200);
  });
});
