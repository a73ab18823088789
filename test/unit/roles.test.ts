import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { authorize, effectiveRole } from '../../shared/auth/authorize.js';
import type { Caller, Role } from '../../shared/auth/roles.js';
import { registerHttp } from '../../functions/edge/registry.js';

const HOME = '9b1e4d27-6c3a-4f85-a0d2-7e8c5b3f1a64';
const PARTNER_TENANT = '3f6c1a52-8d4e-4b7a-9c2e-5a1d7e0b9f31';
const user = (role: Role | undefined, tid = PARTNER_TENANT): Caller => ({ kind: 'user', oid: 'o', name: 'n', tid, role });
const contoso: ReadonlySet<string> = new Set(['contoso-jp']);

// Never called: it exists for the type checker (`npm run typecheck` fails if the error goes away).
export function aRouteWithoutARole(): void {
  // @ts-expect-error a route that does not declare the role it needs does not type-check
  registerHttp({
    name: 'forgetful',
    route: 'forgetful',
    method: 'GET',
    contract: { summary: 's', tag: 't', responses: { 200: { description: 'ok', schema: z.object({}) } } },
    handler: async () => ({ status: 200 }),
  });
}

describe('the roles a token grants', () => {
  it('Program.Operator counts only from the program’s own tenant', () => {
    expect(effectiveRole(['Program.Operator'], HOME, HOME)).toBe('Program.Operator');
    expect(effectiveRole(['Program.Operator'], PARTNER_TENANT, HOME)).toBeUndefined();
    expect(effectiveRole(['Program.Operator', 'Partner.Reader'], PARTNER_TENANT, HOME)).toBe('Partner.Reader');
  });

  it('the strongest honoured role wins, unknown roles are ignored', () => {
    expect(effectiveRole(['Partner.Reader', 'Partner.Admin', 'Global.Admin'], PARTNER_TENANT, HOME)).toBe('Partner.Admin');
    expect(effectiveRole(['Global.Admin', 'constructor', '__proto__'], PARTNER_TENANT, HOME)).toBeUndefined();
  });
});

describe('who may call what', () => {
  it('an operator and the function key may call anything on any partner', () => {
    expect(authorize(user('Program.Operator', HOME), 'Program.Operator', 'anyone', new Set())).toBeUndefined();
    expect(authorize({ kind: 'functionKey' }, 'Partner.Admin', 'anyone', new Set())).toBeUndefined();
  });

  it('a partner role acts on its own partners only, and a refusal does not say whether the partner exists', () => {
    expect(authorize(user('Partner.Reader'), 'Partner.Reader', 'contoso-jp', contoso)).toBeUndefined();
    const other = authorize(user('Partner.Reader'), 'Partner.Reader', 'fourth-coffee', contoso);
    const missing = authorize(user('Partner.Reader'), 'Partner.Reader', 'no-such-partner', contoso);
    expect(other?.kind).toBe('forbidden');
    expect(missing?.message.replace('no-such-partner', 'X')).toBe(other?.message.replace('fourth-coffee', 'X'));
  });

  it('a weaker role is refused, and a token with no honoured role is refused everything', () => {
    expect(authorize(user('Partner.Reader'), 'Partner.Admin', 'contoso-jp', contoso)?.kind).toBe('forbidden');
    expect(authorize(user('Partner.Admin'), 'Program.Operator', undefined, contoso)?.kind).toBe('forbidden');
    expect(authorize(user(undefined), 'Partner.Reader', undefined, contoso)?.kind).toBe('forbidden');
  });

  it('a partner id that is an Object.prototype key is no partner of anyone', () => {
    expect(authorize(user('Partner.Reader'), 'Partner.Reader', 'constructor', contoso)?.kind).toBe('forbidden');
    expect(authorize(user('Partner.Reader'), 'Partner.Reader', '__proto__', contoso)?.kind).toBe('forbidden');
  });
});
