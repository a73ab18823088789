import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, CONTOSO_TENANT, DEV_HOME_TENANT, FOURTH_COFFEE_TENANT, tokenFor } from './credentials.js';
import { bodyOf, startTestHost, type TestHost } from './testHost.js';

const PORTAL = 'https://portal.example.com';
const NEW_TENANT = '7d3e1f90-2a4b-4c5d-8e6f-9a0b1c2d3e4f';

let host: TestHost;
let operator: Record<string, string>;
let contosoReader: Record<string, string>;
let newTenantReader: Record<string, string>;

/** A call as a signed-in user (no function key). */
const as = (headers: Record<string, string>, path: string, init: RequestInit & { json?: unknown } = {}) =>
  host.api(path, { ...init, key: null, headers: { ...headers, ...(init.headers as Record<string, string>) } });

beforeAll(async () => {
  host = await startTestHost({ settings: { CORS_ALLOWED_ORIGINS: `${PORTAL}, http://localhost:5173` } });
  operator = bearer(await tokenFor('Program.Operator', DEV_HOME_TENANT, { oid: 'op-oid', name: 'Olivia Operator' }));
  contosoReader = bearer(await tokenFor('Partner.Reader', CONTOSO_TENANT, { oid: 'reader-oid', name: 'Riku Reader' }));
  newTenantReader = bearer(await tokenFor('Partner.Reader', NEW_TENANT));
  for (const partnerId of ['contoso-jp', 'fourth-coffee', 'tailspin']) {
    expect(
      (await host.api('/api/partners', { method: 'POST', json: { partnerId, name: partnerId, country: 'JP', anniversary: '2024-01-21' } }))
        .status,
    ).toBe(201);
  }
  expect((await as(operator, `/api/access/${CONTOSO_TENANT}`, { method: 'PUT', json: { partnerIds: ['contoso-jp'] } })).status).toBe(200);
  expect(
    (await as(operator, `/api/access/${FOURTH_COFFEE_TENANT}`, { method: 'PUT', json: { partnerIds: ['fourth-coffee'] } })).status,
  ).toBe(200);
});
afterAll(async () => {
  await host?.stop();
});

describe('the access map', () => {
  it('an operator maps a tenant to partners, reads, replaces and removes the mapping; the tenant’s users gain and lose access at once', async () => {
    expect((await as(newTenantReader, '/api/partners/tailspin')).status).toBe(403);
    const put = await as(operator, `/api/access/${NEW_TENANT.toUpperCase()}`, {
      method: 'PUT',
      json: { partnerIds: ['tailspin', 'fourth-coffee', 'tailspin'] },
    });
    expect(put.status).toBe(200);
    expect(await bodyOf(put)).toEqual({ tenantId: NEW_TENANT, partnerIds: ['fourth-coffee', 'tailspin'], previousPartnerIds: [] });
    expect(await bodyOf(await as(operator, `/api/access/${NEW_TENANT}`))).toEqual({
      tenantId: NEW_TENANT,
      partnerIds: ['fourth-coffee', 'tailspin'],
    });
    expect((await as(newTenantReader, '/api/partners/tailspin')).status).toBe(200);

    const replaced = await as(operator, `/api/access/${NEW_TENANT}`, { method: 'PUT', json: { partnerIds: ['fourth-coffee'] } });
    expect(await bodyOf(replaced)).toEqual({
      tenantId: NEW_TENANT,
      partnerIds: ['fourth-coffee'],
      previousPartnerIds: ['fourth-coffee', 'tailspin'],
    });
    expect((await as(newTenantReader, '/api/partners/tailspin')).status).toBe(403);

    const removed = await as(operator, `/api/access/${NEW_TENANT}`, { method: 'DELETE' });
    expect(await bodyOf(removed)).toEqual({ tenantId: NEW_TENANT, partnerIds: [], previousPartnerIds: ['fourth-coffee'] });
    expect((await as(operator, `/api/access/${NEW_TENANT}`)).status).toBe(404);
    expect((await as(operator, `/api/access/${NEW_TENANT}`, { method: 'DELETE' })).status).toBe(404);
    expect((await as(newTenantReader, '/api/partners/fourth-coffee')).status).toBe(403);
  });

  it('a replacement on a stale ETag is a 412 and changes nothing; on the ETag read, it goes through', async () => {
    const tenant = '7d1e0c2a-4b5f-4e3a-9a8b-1c2d3e4f5a6b';
    const first = await as(operator, `/api/access/${tenant}`, { method: 'PUT', json: { partnerIds: ['contoso-jp'] } });
    const etag = first.headers.get('etag')!;
    await as(operator, `/api/access/${tenant}`, { method: 'PUT', json: { partnerIds: ['fourth-coffee'] } });
    const stale = await as(operator, `/api/access/${tenant}`, {
      method: 'PUT',
      json: { partnerIds: ['tailspin'] },
      headers: { 'if-match': etag },
    });
    expect(stale.status).toBe(412);
    expect((await bodyOf(await as(operator, `/api/access/${tenant}`))).partnerIds).toEqual(['fourth-coffee']);
    const current = (await as(operator, `/api/access/${tenant}`)).headers.get('etag')!;
    const fresh = await as(operator, `/api/access/${tenant}`, {
      method: 'PUT',
      json: { partnerIds: ['tailspin'] },
      headers: { 'if-match': current },
    });
    expect(fresh.status).toBe(200);
    expect((await as(operator, `/api/access/${tenant}`, { method: 'DELETE' })).status).toBe(200);
  });

  it('refuses a tenant id that is not a GUID and a body that is not a list of partner ids', async () => {
    expect((await as(operator, '/api/access/contoso', { method: 'PUT', json: { partnerIds: ['contoso-jp'] } })).status).toBe(400);
    expect((await as(operator, `/api/access/${NEW_TENANT}`, { method: 'PUT', json: { partnerIds: 'contoso-jp' } })).status).toBe(400);
    expect((await as(operator, `/api/access/${NEW_TENANT}`, { method: 'PUT', json: { partnerIds: [], extra: 1 } })).status).toBe(400);
  });

  it('Program.Operator assigned in a partner’s own tenant is no operator: it is refused operator routes and every partner', async () => {
    const selfMadeOperator = bearer(await tokenFor('Program.Operator', CONTOSO_TENANT));
    expect(
      (await as(selfMadeOperator, `/api/access/${CONTOSO_TENANT}`, { method: 'PUT', json: { partnerIds: ['fourth-coffee'] } })).status,
    ).toBe(403);
    expect((await as(selfMadeOperator, '/api/partners/contoso-jp')).status).toBe(403);
    expect((await as(operator, `/api/access/${CONTOSO_TENANT}`)).status).toBe(200);
  });

  it('a partner outside the caller’s set is refused alike whether it exists or not, and the refusal names no difference', async () => {
    const other = await as(contosoReader, '/api/partners/fourth-coffee/scores');
    const missing = await as(contosoReader, '/api/partners/no-such-partner/scores');
    expect([other.status, missing.status]).toEqual([403, 403]);
    expect((await bodyOf(missing)).message.replace('no-such-partner', 'X')).toBe(
      (await bodyOf(other)).message.replace('fourth-coffee', 'X'),
    );
    // An operator, who may see every partner, is told which do not exist.
    expect((await as(operator, '/api/partners/no-such-partner')).status).toBe(404);
  });
});

describe('GET /partners lists only the caller’s partners', () => {
  it('a partner’s user sees its own partners, an operator and the function key all of them', async () => {
    const ids = async (response: Response) => ((await bodyOf(response)).items as { partnerId: string }[]).map((p) => p.partnerId);
    expect(await ids(await as(contosoReader, '/api/partners'))).toEqual(['contoso-jp']);
    expect(await ids(await as(bearer(await tokenFor('Partner.Reader', FOURTH_COFFEE_TENANT)), '/api/partners'))).toEqual(['fourth-coffee']);
    expect(await ids(await as(newTenantReader, '/api/partners'))).toEqual([]);
    expect(await ids(await as(operator, '/api/partners'))).toEqual(['contoso-jp', 'fourth-coffee', 'tailspin']);
    expect(await ids(await host.api('/api/partners'))).toEqual(['contoso-jp', 'fourth-coffee', 'tailspin']);
  });

  it('pages through the caller’s partners, skipping those mapped but not created', async () => {
    const many = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    await as(operator, `/api/access/${many}`, { method: 'PUT', json: { partnerIds: ['tailspin', 'not-yet-created', 'contoso-jp'] } });
    const reader = bearer(await tokenFor('Partner.Reader', many));
    const first = await bodyOf(await as(reader, '/api/partners?limit=1'));
    expect(first.items.map((p: { partnerId: string }) => p.partnerId)).toEqual(['contoso-jp']);
    expect(first.continuation).toBeDefined();
    const second = await bodyOf(await as(reader, `/api/partners?limit=1&continuation=${first.continuation}`));
    expect(second.items.map((p: { partnerId: string }) => p.partnerId)).toEqual(['tailspin']);
    expect(second.continuation).toBeUndefined();
  });

  it('a made-up continuation, the operators’ or another tenant’s is a 400 naming query.continuation, not an empty page', async () => {
    const many = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    const other = '2d3e4f5a-6b7c-4d8e-9fa0-1b2c3d4e5f60';
    await as(operator, `/api/access/${many}`, { method: 'PUT', json: { partnerIds: ['tailspin', 'contoso-jp'] } });
    await as(operator, `/api/access/${other}`, { method: 'PUT', json: { partnerIds: ['tailspin', 'contoso-jp'] } });
    const reader = bearer(await tokenFor('Partner.Reader', many));
    const ofOperators = (await bodyOf(await as(operator, '/api/partners?limit=1'))).continuation as string;
    const ofOtherTenant = (await bodyOf(await as(bearer(await tokenFor('Partner.Reader', other)), '/api/partners?limit=1')))
      .continuation as string;
    const own = (await bodyOf(await as(reader, '/api/partners?limit=1'))).continuation as string;
    expect([ofOperators, ofOtherTenant, own].every((t) => typeof t === 'string')).toBe(true);
    const lastIdAlone = Buffer.from('contoso-jp').toString('base64url'); // the token's former shape
    for (const token of ['hello', lastIdAlone, ofOperators, ofOtherTenant, own.slice(0, -3)]) {
      const response = await as(reader, `/api/partners?limit=1&continuation=${token}`);
      expect(response.status).toBe(400);
      expect((await bodyOf(response)).issues).toEqual([
        {
          path: 'query.continuation',
          message: 'not a continuation token this listing gave (altered, truncated or from another listing); start again without it',
        },
      ]);
    }
    // The caller's own token works, and a partner's token is no good to an operator either.
    expect((await bodyOf(await as(reader, `/api/partners?limit=1&continuation=${own}`))).items).toHaveLength(1);
    expect((await as(operator, `/api/partners?limit=1&continuation=${own}`)).status).toBe(400);
  });
});

describe('CORS for the portal’s origins', () => {
  it('answers a preflight from a listed origin with the methods and headers it may send', async () => {
    const response = await host.api('/api/partners/contoso-jp/people/p1', {
      method: 'OPTIONS',
      key: null,
      headers: {
        origin: PORTAL,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization, content-type, if-match',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(response.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization.*Content-Type.*If-Match/);
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('gives another origin nothing to go on, in the preflight or the response', async () => {
    const preflight = await host.api('/api/partners', {
      method: 'OPTIONS',
      key: null,
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    const actual = await as({ ...contosoReader, origin: 'https://evil.example' }, '/api/partners/contoso-jp');
    expect(actual.status).toBe(200);
    expect(actual.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the portal read answers, refusals included, and the ETag it needs for If-Match', async () => {
    const ok = await as({ ...contosoReader, origin: PORTAL }, '/api/partners/contoso-jp');
    expect(ok.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(ok.headers.get('access-control-expose-headers')).toContain('ETag');
    const refused = await as({ origin: 'http://localhost:5173' }, '/api/partners/contoso-jp');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(refused.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate');
  });

  it('a preflight does not make unknown paths known to other methods', async () => {
    expect((await host.api('/api/nowhere')).status).toBe(404);
  });
});
