/** The API's app roles, as defined on its Entra app registration; each includes the ones after it. */
export const ROLES = ['Program.Operator', 'Partner.Admin', 'Partner.Reader'] as const;
export type Role = (typeof ROLES)[number];

/** What a route needs: one of the roles, or nothing at all (health, the OpenAPI document). */
export type RouteRole = Role | 'anonymous';

const RANK: ReadonlyMap<Role, number> = new Map<Role, number>([
  ['Partner.Reader', 1],
  ['Partner.Admin', 2],
  ['Program.Operator', 3],
]);

export const rankOf = (role: Role): number => RANK.get(role)!;

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Partner roles act on the partners their tenant is mapped to; the operator role on all of them. */
export const isPartnerRole = (role: RouteRole): role is 'Partner.Admin' | 'Partner.Reader' =>
  role === 'Partner.Admin' || role === 'Partner.Reader';

/** Who is calling, once authenticated. */
export type Caller =
  | { kind: 'functionKey' }
  | {
      kind: 'user';
      /** Entra object id and display name, for the audit trail. */
      oid: string;
      name: string;
      /** The caller's Entra tenant: the key into the access map. */
      tid: string;
      /** The strongest role the token carries that this service honours (see `effectiveRole`). */
      role: Role | undefined;
    };
