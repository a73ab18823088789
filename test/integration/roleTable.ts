import { isPartnerRole, rankOf, type RouteRole } from '../../shared/auth/roles.js';

/** What the role table promises a caller on a route: let through, 401, or 403. */
export type Verdict = 'allowed' | 401 | 403;

/** A caller of the role matrix, described by what the guard learns about it. */
export type MatrixCaller =
  | { kind: 'unauthenticated' }
  | { kind: 'operator' }
  | { kind: 'partner'; role: 'Partner.Admin' | 'Partner.Reader'; ownsRoutePartner: boolean };

/**
 * The role table, stated once and independently of the guard's code: the matrix test compares
 * every route's answers against it.
 */
export function expectedVerdict(required: RouteRole, routeNamesPartner: boolean, caller: MatrixCaller): Verdict {
  if (required === 'anonymous') return 'allowed';
  if (caller.kind === 'unauthenticated') return 401;
  if (caller.kind === 'operator') return 'allowed';
  if (rankOf(caller.role) < rankOf(required)) return 403;
  if (isPartnerRole(required) && routeNamesPartner && !caller.ownsRoutePartner) return 403;
  return 'allowed';
}
