import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpRegistration } from '../../functions/edge/registry.js';
import { ROLES } from '../../shared/auth/roles.js';
import { CONTOSO_TENANT, credentials, FOURTH_COFFEE_TENANT, type CredentialName } from './credentials.js';
import { expectedVerdict, type MatrixCaller } from './roleTable.js';
import { startTestHost, type TestHost } from './testHost.js';

// Generated from the registry: every HTTP route, called by every kind of caller, answers as the
// role table says. Bodies are empty objects: a 400 still proves the guard let the call through.
const warn = console.warn;
// Outside the Functions worker, @azure/functions notes each registration it skips; the list is ours.
console.warn = (...args: unknown[]) => void (String(args[0]).includes('test mode') || warn(...args));
const { registrations } = await import('../../functions/index.js');
console.warn = warn;
const routes = registrations.filter((r): r is HttpRegistration => r.kind === 'http');

const VALUES: ReadonlyMap<string, string> = new Map([
  ['partnerId', 'contoso-jp'],
  ['tenantId', '0c4f2b7e-5d1a-4e3b-9f60-7a8b9c0d1e2f'],
  ['customerId', 'matrix-customer'],
  ['personId', 'matrix-person'],
  ['month', '2025-01'],
  ['anniversary', '2025-06-01'],
  ['competency', 'matrix-competency'],
  ['specializationId', 'matrix-specialization'],
  ['path', 'partners/contoso-jp'],
]);

function pathOf(route: string): string {
  return `/api/${route.replace(/\{\*?([^}:?]+)[^}]*\}/g, (_, name: string) => {
    if (!VALUES.has(name)) throw new Error(`the matrix has no value for {${name}} in ${route}: add one`);
    return VALUES.get(name)!;
  })}`;
}

const CALLERS: ReadonlyMap<CredentialName, MatrixCaller> = new Map<CredentialName, MatrixCaller>([
  ['no token', { kind: 'unauthenticated' }],
  ['expired', { kind: 'unauthenticated' }],
  ['wrong audience', { kind: 'unauthenticated' }],
  ['wrong signer', { kind: 'unauthenticated' }],
  ['reader of another partner', { kind: 'partner', role: 'Partner.Reader', ownsRoutePartner: false }],
  ['reader', { kind: 'partner', role: 'Partner.Reader', ownsRoutePartner: true }],
  ['admin', { kind: 'partner', role: 'Partner.Admin', ownsRoutePartner: true }],
  ['operator', { kind: 'operator' }],
  ['function key', { kind: 'operator' }],
]);

let host: TestHost;
let headersOf: Awaited<ReturnType<typeof credentials>>;
beforeAll(async () => {
  host = await startTestHost();
  headersOf = await credentials();
  for (const partnerId of ['contoso-jp', 'fourth-coffee']) {
    expect((await host.api('/api/partners', { method: 'POST', json: { partnerId, name: partnerId, country: 'JP' } })).status).toBe(201);
  }
  expect((await host.api(`/api/access/${CONTOSO_TENANT}`, { method: 'PUT', json: { partnerIds: ['contoso-jp'] } })).status).toBe(200);
  expect((await host.api(`/api/access/${FOURTH_COFFEE_TENANT}`, { method: 'PUT', json: { partnerIds: ['fourth-coffee'] } })).status).toBe(
    200,
  );
});
afterAll(async () => {
  await host?.stop();
});

describe('every route declares its role', () => {
  it('each HTTP registration names anonymous or one of the app roles', () => {
    expect(routes.length).toBeGreaterThan(25);
    for (const route of routes) expect(['anonymous', ...ROLES], route.name).toContain(route.role);
  });
});

describe.each(routes.map((r) => [`${r.method} ${r.route}`, r] as const))('%s', (_, route) => {
  it.each([...CALLERS.keys()])('answers %s as the role table says', async (name) => {
    const expected = expectedVerdict(route.role, route.route.includes('{partnerId}'), CALLERS.get(name)!);
    const response = await host.api(pathOf(route.route), {
      method: route.method,
      key: null,
      headers: headersOf.get(name)!,
      ...(['GET', 'DELETE', 'OPTIONS'].includes(route.method) ? {} : { json: {} }),
    });
    await response.arrayBuffer();
    if (expected === 'allowed') expect([401, 403], `${name} got ${response.status}`).not.toContain(response.status);
    else expect(response.status).toBe(expected);
    if (expected === 401) expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="partner-capability"/);
  });
});
