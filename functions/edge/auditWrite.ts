import type { Caller, RouteRole } from '../../shared/auth/roles.js';
import type { HttpResponseInit } from './runtime.js';
import { type Actor } from '../../shared/store/auditStore.js';
import { adapters } from './composition.js';
import { withRetry } from '../../shared/store/retry.js';

/** A write is a call on a route needing more than Partner.Reader (a what-if only computes) that succeeded. */
export function isAuditedWrite(route: { method: string; role: RouteRole }, response: HttpResponseInit): boolean {
  const status = response.status ?? 200;
  return route.method !== 'GET' && route.role !== 'Partner.Reader' && route.role !== 'anonymous' && status >= 200 && status < 300;
}

export const actorOf = (caller: Caller): Actor =>
  caller.kind === 'functionKey'
    ? { kind: 'functionKey', name: 'function key' }
    : { kind: 'user', oid: caller.oid, name: caller.name, tenantId: caller.tid };

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * The partners a write concerns: the one in its path, the one it created, or, for the access
 * map, those the tenant gained and lost; each partner's partition gets the record.
 */
export function partnersConcerned(params: Record<string, string>, body: unknown): string[] {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const found = [
    ...(Object.hasOwn(params, 'partnerId') ? [params.partnerId!] : typeof b.partnerId === 'string' ? [b.partnerId] : []),
    ...strings(b.partnerIds),
    ...strings(b.previousPartnerIds),
  ];
  return [...new Set(found)];
}

function versionOf(headers: HttpResponseInit['headers']): string | null {
  const entries = Object.entries((headers ?? {}) as Record<string, string>);
  return entries.find(([name]) => name.toLowerCase() === 'etag')?.[1] ?? null;
}

/** Records a successful write after the fact, at the edge, so no handler can forget to. */
export async function auditWrite(
  route: { name: string; route: string; method: string },
  params: Record<string, string>,
  caller: Caller,
  response: HttpResponseInit,
): Promise<void> {
  const created = (response.jsonBody as { partnerId?: unknown } | undefined)?.partnerId;
  const entity = Object.keys(params).length > 0 || typeof created !== 'string' ? { ...params } : { partnerId: created };
  const record = {
    at: new Date().toISOString(),
    actor: actorOf(caller),
    operation: route.name,
    route: `${route.method} ${route.route}`,
    entity,
    status: response.status ?? 200,
    version: versionOf(response.headers),
  };
  // Each record retried on its own, so a retry never writes one another partner already has.
  for (const partnerId of partnersConcerned(params, response.jsonBody)) await withRetry(() => adapters().audit.record(partnerId, record));
}
