import type { Container } from '@azure/cosmos';
import { conflict, notFound, badRequest } from '../http/errors.js';
import type { CustomerProfile, MonthUsage, PersonProfile } from '../model/facts.js';
import type { PartnerFacts, PartnerProfile } from '../model/partner.js';
import type { UsageRow } from '../model/api.js';
import { partnersContainer } from './cosmos.js';
import {
  CURRENT_SCORES_ID,
  customerDocId,
  fanOutId,
  JOBS_PARTITION,
  PARTNER_ID,
  personDocId,
  snapshotId,
  type CustomerDoc,
  type FactDoc,
  type FanOutCheckpoint,
  type PartnerDoc,
  type PersonDoc,
  type ScoresDoc,
  type SnapshotDoc,
} from './documents.js';
import type { ScoreSummary } from '../scoring/summary.js';
import { quoted } from './etag.js';
import { readModifyWrite } from './readModifyWrite.js';
import { statusOf } from './transient.js';

export interface Versioned<T> {
  value: T;
  etag: string;
}

export interface Page<T> {
  items: T[];
  continuation?: string;
}

const encodeToken = (token: string) => Buffer.from(token).toString('base64url');
const decodeToken = (token: string) => Buffer.from(token, 'base64url').toString();

/** Everything the API stores about partners, in one partition per partner. */
export class PartnerStore {
  constructor(private readonly container: Container) {}

  async createPartner(profile: PartnerProfile, now: string): Promise<Versioned<PartnerProfile>> {
    const doc: PartnerDoc = { id: PARTNER_ID, partnerId: profile.partnerId, type: 'partner', profile, createdAt: now, updatedAt: now };
    try {
      const { resource } = await this.container.items.create(doc);
      return { value: profile, etag: quoted(resource!._etag!) };
    } catch (error) {
      if (statusOf(error) === 409) throw conflict(`partner ${profile.partnerId} already exists`);
      throw error;
    }
  }

  async getPartner(partnerId: string): Promise<Versioned<PartnerProfile> | undefined> {
    const { resource } = await this.container.item(PARTNER_ID, partnerId).read<PartnerDoc>();
    return resource ? { value: resource.profile, etag: quoted(resource._etag!) } : undefined;
  }

  async requirePartner(partnerId: string): Promise<Versioned<PartnerProfile>> {
    const partner = await this.getPartner(partnerId);
    if (!partner) throw notFound(`partner ${partnerId} not found`);
    return partner;
  }

  async updatePartner(partnerId: string, change: (profile: PartnerProfile) => PartnerProfile, now: string, ifMatch?: string): Promise<Versioned<PartnerProfile>> {
    const { doc } = await readModifyWrite<PartnerDoc>(
      this.container,
      PARTNER_ID,
      partnerId,
      (current) => {
        if (!current) throw notFound(`partner ${partnerId} not found`);
        return { ...current, profile: change(current.profile), updatedAt: now };
      },
      `partner ${partnerId}`,
      ifMatch,
    );
    return { value: doc.profile, etag: quoted(doc._etag) };
  }

  async listPartners(limit: number, continuation?: string): Promise<Page<PartnerProfile>> {
    const query = this.container.items.query<{ profile: PartnerProfile }>(
      { query: "SELECT c.profile FROM c WHERE c.type = 'partner' ORDER BY c.partnerId" },
      { maxItemCount: limit, ...(continuation ? { continuationToken: decodeToken(continuation) } : {}) },
    );
    const page = await query.fetchNext();
    return { items: page.resources.map((r) => r.profile), ...(page.continuationToken ? { continuation: encodeToken(page.continuationToken) } : {}) };
  }

  async putCustomer(partnerId: string, customerId: string, profile: CustomerProfile, ifMatch?: string): Promise<Versioned<CustomerProfile> & { created: boolean }> {
    await this.requirePartner(partnerId);
    const { doc, created } = await readModifyWrite<CustomerDoc>(
      this.container,
      customerDocId(customerId),
      partnerId,
      (current) => ({ id: customerDocId(customerId), partnerId, type: 'customer', customerId, profile, months: current?.months ?? {} }),
      `customer ${customerId}`,
      ifMatch,
    );
    return { value: doc.profile, etag: quoted(doc._etag), created };
  }

  async putMonth(partnerId: string, customerId: string, month: string, usage: MonthUsage, ifMatch?: string): Promise<Versioned<MonthUsage>> {
    await this.requirePartner(partnerId);
    const { doc } = await readModifyWrite<CustomerDoc>(
      this.container,
      customerDocId(customerId),
      partnerId,
      (current) => {
        if (!current) throw notFound(`customer ${customerId} of partner ${partnerId} not found; PUT the customer first`);
        return { ...current, months: { ...current.months, [month]: usage } };
      },
      `customer ${customerId}`,
      ifMatch,
    );
    return { value: usage, etag: quoted(doc._etag) };
  }

  async putPerson(partnerId: string, personId: string, profile: PersonProfile, ifMatch?: string): Promise<Versioned<PersonProfile> & { created: boolean }> {
    await this.requirePartner(partnerId);
    const { doc, created } = await readModifyWrite<PersonDoc>(
      this.container,
      personDocId(personId),
      partnerId,
      () => ({ id: personDocId(personId), partnerId, type: 'person', personId, profile }),
      `person ${personId}`,
      ifMatch,
    );
    return { value: doc.profile, etag: quoted(doc._etag), created };
  }

  /**
   * Many customer-months at once, all or none: every row is checked before anything is written,
   * and if a write fails midway the customers already written are put back as they were.
   */
  async putUsage(partnerId: string, rows: readonly UsageRow[]): Promise<{ customers: number; months: number }> {
    await this.requirePartner(partnerId);
    for (let attempt = 0; ; attempt++) {
      const customerIds = [...new Set(rows.map((r) => r.customerId))];
      const { resources } = await this.container.items
        .query<CustomerDoc>(
          { query: "SELECT * FROM c WHERE c.partnerId = @p AND c.type = 'customer' AND ARRAY_CONTAINS(@ids, c.customerId)", parameters: [{ name: '@p', value: partnerId }, { name: '@ids', value: customerIds }] },
          { partitionKey: partnerId },
        )
        .fetchAll();
      const before = new Map(resources.map((d) => [d.customerId, d]));
      const unknown = rows.flatMap((r, i) => (before.has(r.customerId) ? [] : [{ path: `body.rows[${i}].customerId`, message: `customer ${r.customerId} does not exist; PUT it first` }]));
      if (unknown.length > 0) throw badRequest(unknown);

      const after = new Map<string, CustomerDoc>();
      for (const row of rows) {
        const doc = after.get(row.customerId) ?? { ...before.get(row.customerId)!, months: { ...before.get(row.customerId)!.months } };
        doc.months[row.month] = row.usage;
        after.set(row.customerId, doc);
      }
      const written: { original: CustomerDoc; etag: string }[] = [];
      try {
        for (const doc of after.values()) {
          const original = before.get(doc.customerId)!;
          const { resource } = await this.container.item(doc.id, partnerId).replace(doc, { accessCondition: { type: 'IfMatch', condition: original._etag! } });
          written.push({ original, etag: resource!._etag! });
        }
        return { customers: after.size, months: rows.length };
      } catch (error) {
        await this.restore(partnerId, written);
        // A concurrent writer changed one of these customers: start again on fresh data.
        if (statusOf(error) === 412 && attempt < 3) continue;
        throw error;
      }
    }
  }

  private async restore(partnerId: string, written: { original: CustomerDoc; etag: string }[]): Promise<void> {
    for (const { original, etag } of written.reverse()) {
      await this.container.item(original.id, partnerId).replace(original, { accessCondition: { type: 'IfMatch', condition: etag } });
    }
  }

  /** The day's snapshot and the partner's current scores: two upserts under fixed ids, so a repeat changes nothing. */
  async saveDailyScores(summary: ScoreSummary, computedAt: string): Promise<void> {
    const snapshot: SnapshotDoc = { id: snapshotId(summary.asOf), partnerId: summary.partnerId, type: 'snapshot', day: summary.asOf, summary, computedAt };
    await this.container.items.upsert(snapshot);
    const current: ScoresDoc = { id: CURRENT_SCORES_ID, partnerId: summary.partnerId, type: 'scores', summary, computedAt };
    await this.container.items.upsert(current);
  }

  /** The partner's facts and whether the day's snapshot exists, in one single-partition query. */
  async loadForRecompute(partnerId: string, day: string): Promise<{ facts: PartnerFacts | undefined; snapshotExists: boolean }> {
    const { resources } = await this.container.items
      .query<FactDoc | SnapshotDoc>(
        {
          query: "SELECT * FROM c WHERE c.partnerId = @p AND (c.type IN ('partner', 'customer', 'person') OR c.id = @snapshot)",
          parameters: [{ name: '@p', value: partnerId }, { name: '@snapshot', value: snapshotId(day) }],
        },
        { partitionKey: partnerId },
      )
      .fetchAll();
    return { facts: factsFrom(resources.filter((d): d is FactDoc => d.type !== 'snapshot')), snapshotExists: resources.some((d) => d.type === 'snapshot') };
  }

  /** The daily snapshots between two days, both included, oldest first. */
  async history(partnerId: string, from: string, to: string): Promise<SnapshotDoc[]> {
    const { resources } = await this.container.items
      .query<SnapshotDoc>(
        {
          query: "SELECT * FROM c WHERE c.partnerId = @p AND c.type = 'snapshot' AND c.day >= @from AND c.day <= @to ORDER BY c.day",
          parameters: [{ name: '@p', value: partnerId }, { name: '@from', value: from }, { name: '@to', value: to }],
        },
        { partitionKey: partnerId },
      )
      .fetchAll();
    return resources;
  }

  /** Partner ids a page at a time, for the nightly fan-out. */
  async listPartnerIds(limit: number, continuation?: string): Promise<Page<string>> {
    const page = await this.container.items
      .query<{ partnerId: string }>({ query: "SELECT c.partnerId FROM c WHERE c.type = 'partner' ORDER BY c.partnerId" }, { maxItemCount: limit, ...(continuation ? { continuationToken: continuation } : {}) })
      .fetchNext();
    return { items: page.resources.map((r) => r.partnerId), ...(page.continuationToken ? { continuation: page.continuationToken } : {}) };
  }

  async fanOutCheckpoint(day: string): Promise<FanOutCheckpoint | undefined> {
    const { resource } = await this.container.item(fanOutId(day), JOBS_PARTITION).read<FanOutCheckpoint>();
    return resource;
  }

  async saveFanOutCheckpoint(checkpoint: Omit<FanOutCheckpoint, 'id' | 'partnerId' | 'type'>): Promise<void> {
    await this.container.items.upsert<FanOutCheckpoint>({ id: fanOutId(checkpoint.day), partnerId: JOBS_PARTITION, type: 'fanOut', ...checkpoint });
  }

  async currentScores(partnerId: string): Promise<ScoresDoc | undefined> {
    const { resource } = await this.container.item(CURRENT_SCORES_ID, partnerId).read<ScoresDoc>();
    return resource;
  }

  /** A partner's scoring facts in one single-partition query; undefined if there is no such partner. */
  async loadFacts(partnerId: string): Promise<PartnerFacts | undefined> {
    const { resources } = await this.container.items
      .query<FactDoc>(
        { query: "SELECT * FROM c WHERE c.partnerId = @p AND c.type IN ('partner', 'customer', 'person')", parameters: [{ name: '@p', value: partnerId }] },
        { partitionKey: partnerId },
      )
      .fetchAll();
    return factsFrom(resources);
  }
}

function factsFrom(resources: readonly FactDoc[]): PartnerFacts | undefined {
  const partner = resources.find((d): d is PartnerDoc => d.type === 'partner');
  if (!partner) return undefined;
  return {
    partner: partner.profile,
    customers: resources.filter((d): d is CustomerDoc => d.type === 'customer').map((d) => ({ customerId: d.customerId, ...d.profile, months: d.months })),
    people: resources.filter((d): d is PersonDoc => d.type === 'person').map((d) => ({ personId: d.personId, ...d.profile })),
  };
}

let store: PartnerStore | undefined;

export function partnerStore(): PartnerStore {
  return (store ??= new PartnerStore(partnersContainer()));
}

export function resetPartnerStore(): void {
  store = undefined;
}
