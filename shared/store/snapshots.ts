import type { Container, SqlQuerySpec } from '@azure/cosmos';
import type { ScoreSummary } from '../scoring/summary.js';
import { queryPage } from './continuation.js';
import { snapshotId, type SnapshotDoc } from './documents.js';
import type { Page } from './partnerViews.js';
import { statusOf } from './transient.js';

/** The daily score snapshots of a partner: one document per day, deleted by Cosmos DB after `ttlSeconds`. */
export class SnapshotStore {
  constructor(
    private readonly container: Container,
    private readonly ttlSeconds: number,
  ) {}

  /**
   * The day's snapshot, in one write. `ifAbsent` (the nightly run) leaves an existing snapshot
   * alone and says so; otherwise the snapshot is replaced. Either way there is one per day.
   */
  async save(summary: ScoreSummary, computedAt: string, mode: 'replace' | 'ifAbsent'): Promise<'written' | 'existed'> {
    const doc: SnapshotDoc = {
      id: snapshotId(summary.asOf),
      partnerId: summary.partnerId,
      type: 'snapshot',
      day: summary.asOf,
      summary,
      computedAt,
      ttl: this.ttlSeconds,
    };
    if (mode === 'replace') {
      await this.container.items.upsert(doc);
      return 'written';
    }
    try {
      await this.container.items.create(doc);
      return 'written';
    } catch (error) {
      if (statusOf(error) === 409) return 'existed';
      throw error;
    }
  }

  async get(partnerId: string, day: string): Promise<SnapshotDoc | undefined> {
    return (await this.container.item(snapshotId(day), partnerId).read<SnapshotDoc>()).resource;
  }

  private query(partnerId: string, from: string, to: string): SqlQuerySpec {
    return {
      query: "SELECT * FROM c WHERE c.partnerId = @p AND c.type = 'snapshot' AND c.day >= @from AND c.day <= @to ORDER BY c.day",
      parameters: [
        { name: '@p', value: partnerId },
        { name: '@from', value: from },
        { name: '@to', value: to },
      ],
    };
  }

  /** Every snapshot between two days, both included, oldest first: for a renewal window (at most a year of days). */
  async between(partnerId: string, from: string, to: string): Promise<SnapshotDoc[]> {
    return (await this.container.items.query<SnapshotDoc>(this.query(partnerId, from, to), { partitionKey: partnerId }).fetchAll())
      .resources;
  }

  /** A page of them, for the API; the continuation is tied to this partner and these days. */
  page(partnerId: string, from: string, to: string, limit: number, continuation?: string): Promise<Page<SnapshotDoc>> {
    return queryPage(this.container, `history ${partnerId} ${from} ${to}`, this.query(partnerId, from, to), limit, continuation, {
      partitionKey: partnerId,
    });
  }
}
