import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { queryPage } from './continuation.js';

/** Who made a change: a signed-in user, or a server holding the function key. */
export type Actor = { kind: 'user'; oid: string; name: string; tenantId: string } | { kind: 'functionKey'; name: 'function key' };

/** One successful write, kept in the partition of the partner it concerns. */
export interface AuditRecord {
  at: string;
  actor: Actor;
  /** The operation and its route template, e.g. `PUT partners/{partnerId}/people/{personId}`. */
  operation: string;
  route: string;
  /** The path parameters naming what was written. */
  entity: Record<string, string>;
  status: number;
  /** The entity's new version (the ETag answered), when the write answers one. */
  version: string | null;
}

interface AuditDoc extends AuditRecord {
  id: string;
  partnerId: string;
  type: 'audit';
}

export class AuditStore {
  constructor(private readonly container: Container) {}

  async record(partnerId: string, record: AuditRecord): Promise<void> {
    // The time first keeps ids in order; the UUID keeps two writes in one millisecond apart.
    await this.container.items.create<AuditDoc>({ id: `audit:${record.at}:${randomUUID()}`, partnerId, type: 'audit', ...record });
  }

  /** A partner's audit trail, newest first, a page at a time (the token is bound to the partner). */
  async list(partnerId: string, limit: number, continuation?: string): Promise<{ items: AuditRecord[]; continuation?: string }> {
    const page = await queryPage<AuditDoc>(
      this.container,
      `audit ${partnerId}`,
      {
        query: "SELECT * FROM c WHERE c.partnerId = @partnerId AND c.type = 'audit' ORDER BY c.at DESC",
        parameters: [{ name: '@partnerId', value: partnerId }],
      },
      limit,
      continuation,
      { partitionKey: partnerId },
    );
    const items = page.items.map(({ at, actor, operation, route, entity, status, version }) => ({
      at,
      actor,
      operation,
      route,
      entity,
      status,
      version,
    }));
    return { items, ...(page.continuation ? { continuation: page.continuation } : {}) };
  }
}
