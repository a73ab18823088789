import { z } from 'zod';
import { Identifier } from './primitives.js';
import { ListQuery } from './api.js';

/** An Entra tenant id, as the `tid` claim carries it. */
const TenantId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'an Entra tenant id (GUID)')
  .transform((t) => t.toLowerCase());

export const TenantPath = z.strictObject({ tenantId: TenantId });

export const AccessBody = z.strictObject({
  /** The partners this tenant's users act for (replacing any before); an empty list keeps the tenant with none. */
  partnerIds: z.array(Identifier).max(200),
});

export const AccessView = z.object({ tenantId: z.string(), partnerIds: z.array(z.string()) });

/** What a change of the access map answers: the mapping now, and the partners it had before (audited in each). */
export const AccessChange = AccessView.extend({ previousPartnerIds: z.array(z.string()) });

export const AuditQuery = ListQuery;

const Actor = z.union([
  z.object({ kind: z.literal('user'), oid: z.string(), name: z.string(), tenantId: z.string() }),
  z.object({ kind: z.literal('functionKey'), name: z.literal('function key') }),
]);

export const AuditPage = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      actor: Actor,
      operation: z.string(),
      route: z.string(),
      entity: z.record(z.string(), z.string()),
      status: z.number().int(),
      version: z.string().nullable(),
    }),
  ),
  continuation: z.string().optional(),
});
