import type { Container } from '@azure/cosmos';
import { readModifyWrite } from './readModifyWrite.js';
import { statusOf } from './transient.js';

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

  /** Replaces a tenant's partners; answers the mapping as it now is and the partners it had before. */
  async put(tenantId: string, partnerIds: readonly string[], now: string): Promise<{ access: TenantAccess; previous: string[] }> {
    const tenant = tenantId.toLowerCase();
    const unique = [...new Set(partnerIds)].sort();
    const { doc, previous } = await readModifyWrite<AccessDoc>(
      this.container,
      accessId(tenant),
      ACCESS_PARTITION,
      (current) => ({
        id: accessId(tenant),
        partnerId: ACCESS_PARTITION,
        type: 'access',
        tenantId: tenant,
        partnerIds: unique,
        version: (current?.version ?? 0) + 1,
        updatedAt: now,
      }),
      `access of tenant ${tenant}`,
    );
    return { access: view(doc), previous: previous?.partnerIds ?? [] };
  }

  /** Removes a tenant's mapping; answers the partners it had, or undefined when there was none. */
  async remove(tenantId: string): Promise<string[] | undefined> {
    const existing = await this.get(tenantId);
    if (!existing) return undefined;
    try {
      await this.container.item(accessId(tenantId), ACCESS_PARTITION).delete();
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
    return existing.partnerIds;
  }
}
