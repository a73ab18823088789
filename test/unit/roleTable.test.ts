import { describe, expect, it } from 'vitest';
import { registrations } from '../../functions/index.js';
import { isAuditedWrite } from '../../functions/edge/auditWrite.js';
import type { HttpRegistration } from '../../functions/edge/registry.js';

const routes = registrations.filter((r): r is HttpRegistration => r.kind === 'http');

describe('the role table as built', () => {
  it('names the role of every route (README “Who may call what” shows the same table)', () => {
    expect(Object.fromEntries(routes.map((r) => [`${r.method} /api/${r.route}`, r.role]))).toEqual({
      'GET /api/health': 'anonymous',
      'GET /api/openapi.json': 'anonymous',
      'OPTIONS /api/{*path}': 'anonymous',
      'POST /api/partners': 'Program.Operator',
      'GET /api/partners': 'Partner.Reader',
      'GET /api/partners/{partnerId}': 'Partner.Reader',
      'PATCH /api/partners/{partnerId}': 'Partner.Admin',
      'PUT /api/partners/{partnerId}/customers/{customerId}': 'Partner.Admin',
      'PUT /api/partners/{partnerId}/customers/{customerId}/months/{month}': 'Partner.Admin',
      'POST /api/partners/{partnerId}/usage': 'Partner.Admin',
      'PUT /api/partners/{partnerId}/people/{personId}': 'Partner.Admin',
      'GET /api/partners/{partnerId}/scores': 'Partner.Reader',
      'POST /api/partners/{partnerId}/what-if': 'Partner.Reader',
      'POST /api/partners/{partnerId}/recompute': 'Program.Operator',
      'GET /api/rules': 'Partner.Reader',
      'GET /api/partners/{partnerId}/history': 'Partner.Reader',
      'GET /api/partners/{partnerId}/designations': 'Partner.Reader',
      'GET /api/partners/{partnerId}/badges': 'Partner.Reader',
      'GET /api/partners/{partnerId}/benefits': 'Partner.Reader',
      'GET /api/partners/{partnerId}/renewals': 'Partner.Reader',
      'POST /api/partners/{partnerId}/renewals/{anniversary}/package': 'Partner.Admin',
      'POST /api/partners/{partnerId}/renewals/{anniversary}/payment': 'Partner.Admin',
      'PUT /api/partners/{partnerId}/legacy-competencies/{competency}': 'Partner.Admin',
      'PUT /api/partners/{partnerId}/specializations/{specializationId}': 'Partner.Admin',
      'GET /api/partners/{partnerId}/specializations': 'Partner.Reader',
      'PUT /api/access/{tenantId}': 'Program.Operator',
      'GET /api/access/{tenantId}': 'Program.Operator',
      'DELETE /api/access/{tenantId}': 'Program.Operator',
      'GET /api/partners/{partnerId}/audit': 'Partner.Admin',
    });
  });

  it('every route that writes is audited when it succeeds, and nothing else is', () => {
    const audited = routes.filter((r) => isAuditedWrite(r, { status: 200 })).map((r) => r.name);
    const writes = routes.filter((r) => !['GET', 'OPTIONS'].includes(r.method) && r.name !== 'whatIf').map((r) => r.name);
    expect(audited.sort()).toEqual(writes.sort());
    for (const r of routes) expect(isAuditedWrite(r, { status: 400 }), r.name).toBe(false);
  });
});
