import type { Container } from '@azure/cosmos';
import { readModifyWrite } from './readModifyWrite.js';
import { statusOf } from './transient.js';
import { CONTENTION, contentionDelay, pause, tooManyWriters } from './contention.js';
import { checkIfMatch } from './versions.js';

/** The access map lives in its own partition; `_access` can never be a partner id. */
export const ACCESS_PARTITION = '_access';

interface AccessDoc {
  id: string;
  partnerId: typeof ACCESS_PARTITION;
  type: 'access';
  tenantId: string;
  partnerIds: string[];
  version: number;
  updatedAt: string;
  _etag?: string;
}

export interface TenantAccess {
  tenantId: string;
  partnerIds: string[];
  version: number;
}

const accessId = (tenantId: string) => `access:${tenantId.toLowerCase()}`;
const view = (doc: AccessDoc): TenantAccess => ({ tenantId: doc.tenantId, partnerIds: doc.partnerIds, version: doc.version });

/** Which partners the users of an Entra tenant act for; operators keep it through /api/access. */
export class AccessStore {
  constructor(private readonly container: Container) {}

  async get(tenantId: string): Promise<TenantAccess | undefined> {
    const { resource } = await this.container.item(accessId(tenantId), ACCESS_PARTITION).read<AccessDoc>();
    return resource ? view(resource) : undefined;
  }

  /** The partner ids a tenant is mapped to, as a set (none when unmapped). */
  async partnersOf(tenantId: string): Promise<ReadonlySet<string>> {
    return new Set((await this.get(tenantId))?.partnerIds ?? []);
  }

  /** Replaces a tenant's partners (on the version `ifMatch` names, when given); answers the mapping as it now is and the partners it had before. */
  async put(
    tenantId: string,
    partnerIds: readonly string[],
    now: string,
    ifMatch?: string,
  ): Promise<{ access: TenantAccess; previous: string[] }> {
    const tenant = tenantId.toLowerCase();
    const unique = [...new Set(partnerIds)].sort();
    const { doc, previous } = await readModifyWrite<AccessDoc>(
      this.container,
      accessId(tenant),
      ACCESS_PARTITION,
      (current) => {
        checkIfMatch(ifMatch, current?.version, `the access of tenant ${tenant}`);
        return {
          id: accessId(tenant),
          partnerId: ACCESS_PARTITION,
          type: 'access',
          tenantId: tenant,
          partnerIds: unique,
          version: (current?.version ?? 0) + 1,
          updatedAt: now,
        };
      },
      `access of tenant ${tenant}`,
    );
    return { access: view(doc), previous: previous?.partnerIds ?? [] };
  }

  /** Removes a tenant's mapping, on the version read (a put in between is not lost); answers the partners it had, or undefined when there was none. */
  async remove(tenantId: string): Promise<string[] | undefined> {
    const item = this.container.item(accessId(tenantId), ACCESS_PARTITION);
    for (let attempt = 0; attempt < CONTENTION.attempts; attempt++) {
      if (attempt > 0) await pause(contentionDelay(attempt - 1));
      const existing = (await item.read<AccessDoc>()).resource;
      if (!existing) return undefined;
      try {
        await item.delete({ accessCondition: { type: 'IfMatch', condition: existing._etag! } });
        return existing.partnerIds;
      } catch (error) {
        const status = statusOf(error);
        if (status === 404) return undefined; // removed by someone else in between
        if (status !== 412) throw error; // 412: changed in between, so read it again
      }
    }
    throw tooManyWriters(`the access of tenant ${tenantId.toLowerCase()}`);
  }
}
