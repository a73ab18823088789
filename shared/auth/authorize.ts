import type { RefusalOf } from '../refusal.js';
import { isPartnerRole, rankOf, type Caller, type Role } from './roles.js';

/** A refusal of the authorization core, one of the domain's refusals; the edge answers it (functions/edge/refusals.ts). */
export type Forbidden = RefusalOf<'forbidden'>;

/**
 * The strongest role a token's `roles` claim grants here. Program.Operator counts only from the
 * program's own tenant: the API's app registration is multi-tenant, so a partner's tenant admin
 * can assign any app role to its users, and must not be able to make them operators.
 */
export function effectiveRole(claimed: readonly string[], tid: string, homeTenantId: string): Role | undefined {
  const honoured = claimed.filter(
    (r): r is Role => r === 'Partner.Reader' || r === 'Partner.Admin' || (r === 'Program.Operator' && tid === homeTenantId),
  );
  return honoured.sort((a, b) => rankOf(b) - rankOf(a))[0];
}

export const isOperator = (caller: Caller): boolean => caller.kind === 'functionKey' || caller.role === 'Program.Operator';

/**
 * May this caller call a route needing `required` on `partnerId` (absent for routes about no one
 * partner)? Decided from the role and the access map alone, before anything is read: a partner
 * outside the caller's set is refused the same whether it exists or not, so a 403 says nothing
 * about which partner ids exist.
 */
export function authorize(
  caller: Caller,
  required: Role,
  partnerId: string | undefined,
  partnersOfCaller: ReadonlySet<string>,
): Forbidden | undefined {
  if (isOperator(caller)) return undefined;
  if (caller.kind !== 'user' || caller.role === undefined)
    return { kind: 'forbidden', message: `this call needs the app role ${required}; the token carries none this service honours` };
  if (rankOf(caller.role) < rankOf(required))
    return { kind: 'forbidden', message: `this call needs the app role ${required}; the token has ${caller.role}` };
  if (isPartnerRole(required) && partnerId !== undefined && !partnersOfCaller.has(partnerId)) {
    return { kind: 'forbidden', message: `your organisation has no access to partner ${partnerId}, or there is no such partner` };
  }
  return undefined;
}
