import type { Container } from '@azure/cosmos';
import { badRequest, conflict, notFound, preconditionFailed } from '../http/errors.js';
import type { UsageRow } from '../model/api.js';
import type { CustomerProfile, MonthUsage, PersonProfile } from '../model/facts.js';
import type { PartnerFacts, PartnerProfile } from '../model/partner.js';
import type { ScoreSummary } from '../scoring/summary.js';
import { applyDailyScores, type LifecycleEvent, type Membership } from '../lifecycle/membership.js';
import type { Path } from '../../rules/schema.js';
import type { SolutionArea } from '../model/primitives.js';
import type { LegacyCompetency } from '../lifecycle/packages.js';
import type { RecordedSpecialization } from '../lifecycle/entitlements.js';
import { partnersContainer } from './cosmos.js';
import {
  BUCKET_CAPACITY,
  bucketDocId,
  fanOutId,
  JOBS_PARTITION,
  PARTNER_ID,
  snapshotId,
  type CustomerBucketDoc,
  type FanOutCheckpoint,
  type PartnerDoc,
  type SnapshotDoc,
} from './documents.js';
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

/** The ETag a client sees for a partner profile, person or customer: its own version. */
const etagOf = (version: number) => `"${version}"`;

function checkIfMatch(ifMatch: string | undefined, version: number | undefined, what: string): void {
  if (ifMatch === undefined) return;
  if (version === undefined || (ifMatch !== '*' && ifMatch !== etagOf(version))) throw preconditionFailed(what);
}

type Customers = PartnerDoc['customers'];

/** The stored membership, or a fresh one carrying the anniversary the partner was created with. */
function membershipOf(partner: PartnerDoc): Membership {
  return partner.membership ?? { ...(partner.profile.anniversary ? { anniversary: partner.profile.anniversary } : {}), designations: {} };
}

/** Keeps the indexed anniversary month-day in step with the anniversary, whichever way it was set. */
function withDerived(doc: PartnerDoc): PartnerDoc {
  const anniversary = doc.profile.anniversary ?? doc.membership?.anniversary;
  const monthDay = anniversary?.slice(5);
  if (doc.anniversaryMonthDay === monthDay) return doc;
  const { anniversaryMonthDay: _, ...rest } = doc;
  return monthDay ? { ...rest, anniversaryMonthDay: monthDay } : rest;
}

/** What the lifecycle endpoints read of a partner. */
export interface PartnerLifecycle {
  profile: PartnerProfile;
  membership: Membership;
  legacyCompetencies: LegacyCompetency[];
  specializations: RecordedSpecialization[];
}

function lifecycleOf(doc: PartnerDoc): PartnerLifecycle {
  return {
    profile: doc.profile,
    membership: membershipOf(doc),
    legacyCompetencies: Object.entries(doc.legacyCompetencies ?? {}).map(([competency, c]) => ({ competency, ...c })),
    specializations: Object.entries(doc.specializations ?? {}).map(([id, s]) => ({ id, ...s })),
  };
}

const encodeToken = (token: string) => Buffer.from(token).toString('base64url');
const decodeToken = (token: string) => Buffer.from(token, 'base64url').toString();

/** Everything the API stores about partners, in one partition per partner. */
export class PartnerStore {
  constructor(private readonly container: Container) {}

  async createPartner(profile: PartnerProfile, now: string): Promise<Versioned<PartnerProfile>> {
    await this.createPartnerDoc({ id: PARTNER_ID, partnerId: profile.partnerId, type: 'partner', profile, profileVersion: 1, people: {}, customerBuckets: {}, bucketCount: 0, customers: {}, createdAt: now, updatedAt: now });
    return { value: profile, etag: etagOf(1) };
  }

  /**
   * A whole partner at once, as a new partner: its documents written directly, a bucket of
   * customers per document. For onboarding from an export, the demo data and benchmarks.
   */
  async importPartner(facts: PartnerFacts, now: string): Promise<void> {
    const { partnerId } = facts.partner;
    const buckets: Customers[] = [];
    const customerBuckets: Record<string, number> = {};
    facts.customers.forEach(({ customerId, months, ...profile }, i) => {
      const b = Math.floor(i / BUCKET_CAPACITY);
      (buckets[b] ??= {})[customerId] = { profile, months, version: 1 };
      customerBuckets[customerId] = b;
    });
    for (let b = 1; b < buckets.length; b++) {
      await this.container.items.upsert<CustomerBucketDoc>({ id: bucketDocId(b), partnerId, type: 'customers', bucket: b, customers: buckets[b]! });
    }
    const people = Object.fromEntries(facts.people.map(({ personId, ...profile }) => [personId, { profile, version: 1 }]));
    // The partner document last: until it exists, the partner does not.
    await this.createPartnerDoc({
      id: PARTNER_ID,
      partnerId,
      type: 'partner',
      profile: facts.partner,
      profileVersion: 1,
      people,
      customerBuckets,
      bucketCount: buckets.length,
      customers: buckets[0] ?? {},
      createdAt: now,
      updatedAt: now,
    });
  }

  private async createPartnerDoc(doc: PartnerDoc): Promise<void> {
    try {
      await this.container.items.create(withDerived(doc));
    } catch (error) {
      if (statusOf(error) === 409) throw conflict(`partner ${doc.partnerId} already exists`);
      throw error;
    }
  }

  private async partnerDoc(partnerId: string): Promise<PartnerDoc | undefined> {
    return (await this.container.item(PARTNER_ID, partnerId).read<PartnerDoc>()).resource;
  }

  async getPartner(partnerId: string): Promise<Versioned<PartnerProfile> | undefined> {
    const doc = await this.partnerDoc(partnerId);
    return doc ? { value: doc.profile, etag: etagOf(doc.profileVersion) } : undefined;
  }

  async requirePartner(partnerId: string): Promise<Versioned<PartnerProfile>> {
    const partner = await this.getPartner(partnerId);
    if (!partner) throw notFound(`partner ${partnerId} not found`);
    return partner;
  }

  /** Changes the partner document; `change` runs on fresh data at every attempt. */
  private async changePartner(partnerId: string, change: (doc: PartnerDoc) => PartnerDoc): Promise<{ doc: PartnerDoc; previous: PartnerDoc }> {
    const { doc, previous } = await readModifyWrite<PartnerDoc>(
      this.container,
      PARTNER_ID,
      partnerId,
      (current) => {
        if (!current) throw notFound(`partner ${partnerId} not found`);
        const next = change(current);
        return next === current ? current : withDerived(next);
      },
      `partner ${partnerId}`,
    );
    return { doc, previous: previous! };
  }

  async updatePartner(partnerId: string, change: (profile: PartnerProfile) => PartnerProfile, now: string, ifMatch?: string): Promise<Versioned<PartnerProfile>> {
    const { doc } = await this.changePartner(partnerId, (current) => {
      checkIfMatch(ifMatch, current.profileVersion, `partner ${partnerId}`);
      return { ...current, profile: change(current.profile), profileVersion: current.profileVersion + 1, updatedAt: now };
    });
    return { value: doc.profile, etag: etagOf(doc.profileVersion) };
  }

  async listPartners(limit: number, continuation?: string): Promise<Page<PartnerProfile>> {
    const page = await this.container.items
      .query<{ profile: PartnerProfile }>({ query: "SELECT c.profile FROM c WHERE c.type = 'partner' ORDER BY c.partnerId" }, { maxItemCount: limit, ...(continuation ? { continuationToken: decodeToken(continuation) } : {}) })
      .fetchNext();
    return { items: page.resources.map((r) => r.profile), ...(page.continuationToken ? { continuation: encodeToken(page.continuationToken) } : {}) };
  }

  async putPerson(partnerId: string, personId: string, profile: PersonProfile, ifMatch?: string): Promise<Versioned<PersonProfile> & { created: boolean }> {
    const { doc, previous } = await this.changePartner(partnerId, (current) => {
      const existing = current.people[personId];
      checkIfMatch(ifMatch, existing?.version, `person ${personId}`);
      return { ...current, people: { ...current.people, [personId]: { profile, version: (existing?.version ?? 0) + 1 } } };
    });
    return { value: profile, etag: etagOf(doc.people[personId]!.version), created: previous.people[personId] === undefined };
  }

  /** The bucket that holds a customer, assigning the last bucket with room (or a new one) to a new customer. */
  private async bucketOf(partnerId: string, customerId: string): Promise<number> {
    const partner = await this.partnerDoc(partnerId);
    if (!partner) throw notFound(`partner ${partnerId} not found`);
    const assigned = partner.customerBuckets[customerId];
    if (assigned !== undefined) return assigned;
    const { doc } = await this.changePartner(partnerId, (current) => {
      if (current.customerBuckets[customerId] !== undefined) return current;
      const last = current.bucketCount - 1;
      const inLast = Object.values(current.customerBuckets).filter((b) => b === last).length;
      const bucket = last >= 0 && inLast < BUCKET_CAPACITY ? last : current.bucketCount;
      return { ...current, customerBuckets: { ...current.customerBuckets, [customerId]: bucket }, bucketCount: Math.max(current.bucketCount, bucket + 1) };
    });
    return doc.customerBuckets[customerId]!;
  }

  /** Changes the customers of one bucket, wherever the bucket lives; answers the customers before and after. */
  private async changeBucket(partnerId: string, bucket: number, change: (customers: Customers) => Customers, what: string): Promise<{ after: Customers; before: Customers }> {
    if (bucket === 0) {
      const { doc, previous } = await this.changePartner(partnerId, (current) => ({ ...current, customers: change(current.customers) }));
      return { after: doc.customers, before: previous.customers };
    }
    const { doc, previous } = await readModifyWrite<CustomerBucketDoc>(
      this.container,
      bucketDocId(bucket),
      partnerId,
      (current) => {
        const base = current ?? { id: bucketDocId(bucket), partnerId, type: 'customers', bucket, customers: {} };
        return { ...base, customers: change(base.customers) };
      },
      what,
    );
    return { after: doc.customers, before: previous?.customers ?? {} };
  }

  async putCustomer(partnerId: string, customerId: string, profile: CustomerProfile, ifMatch?: string): Promise<Versioned<CustomerProfile> & { created: boolean }> {
    const bucket = await this.bucketOf(partnerId, customerId);
    const { after, before } = await this.changeBucket(
      partnerId,
      bucket,
      (customers) => {
        const existing = customers[customerId];
        checkIfMatch(ifMatch, existing?.version, `customer ${customerId}`);
        return { ...customers, [customerId]: { profile, months: existing?.months ?? {}, version: (existing?.version ?? 0) + 1 } };
      },
      `customer ${customerId}`,
    );
    return { value: profile, etag: etagOf(after[customerId]!.version), created: before[customerId] === undefined };
  }

  async putMonth(partnerId: string, customerId: string, month: string, usage: MonthUsage, ifMatch?: string): Promise<Versioned<MonthUsage>> {
    const partner = await this.partnerDoc(partnerId);
    if (!partner) throw notFound(`partner ${partnerId} not found`);
    const missing = notFound(`customer ${customerId} of partner ${partnerId} not found; PUT the customer first`);
    const bucket = partner.customerBuckets[customerId];
    if (bucket === undefined) throw missing;
    const { after } = await this.changeBucket(
      partnerId,
      bucket,
      (customers) => {
        const existing = customers[customerId];
        if (!existing) throw missing;
        checkIfMatch(ifMatch, existing.version, `customer ${customerId}`);
        return { ...customers, [customerId]: { ...existing, months: { ...existing.months, [month]: usage }, version: existing.version + 1 } };
      },
      `customer ${customerId}`,
    );
    return { value: usage, etag: etagOf(after[customerId]!.version) };
  }

  /**
   * Many customer-months at once, all or none: every row is checked before anything is written,
   * and if a write fails midway the documents already written are put back as they were.
   */
  async putUsage(partnerId: string, rows: readonly UsageRow[]): Promise<{ customers: number; months: number }> {
    for (let attempt = 0; ; attempt++) {
      const partner = await this.partnerDoc(partnerId);
      if (!partner) throw notFound(`partner ${partnerId} not found`);
      const otherBuckets = [...new Set(rows.flatMap((r) => partner.customerBuckets[r.customerId] ?? []))].filter((b) => b !== 0);
      const reads = await Promise.all(otherBuckets.map((b) => this.container.item(bucketDocId(b), partnerId).read<CustomerBucketDoc>()));
      // Every touched document as read, bucket 0 being the partner document.
      const before = new Map<number, PartnerDoc | CustomerBucketDoc>([[0, partner]]);
      for (const { resource } of reads) if (resource) before.set(resource.bucket, resource);
      const bucketOf = (customerId: string) => {
        const b = partner.customerBuckets[customerId];
        return b !== undefined && before.get(b)?.customers[customerId] ? b : undefined;
      };
      const unknown = rows.flatMap((r, i) => (bucketOf(r.customerId) === undefined ? [{ path: `body.rows[${i}].customerId`, message: `customer ${r.customerId} does not exist; PUT it first` }] : []));
      if (unknown.length > 0) throw badRequest(unknown);

      const after = new Map<number, PartnerDoc | CustomerBucketDoc>();
      for (const row of rows) {
        const b = bucketOf(row.customerId)!;
        const doc = after.get(b) ?? { ...before.get(b)!, customers: { ...before.get(b)!.customers } };
        const customer = doc.customers[row.customerId]!;
        doc.customers[row.customerId] = { ...customer, months: { ...customer.months, [row.month]: row.usage }, version: before.get(b)!.customers[row.customerId]!.version + 1 };
        after.set(b, doc);
      }
      const written: { original: PartnerDoc | CustomerBucketDoc; etag: string }[] = [];
      try {
        for (const [b, doc] of after) {
          const original = before.get(b)!;
          const { resource } = await this.container.item(doc.id, partnerId).replace(doc, { accessCondition: { type: 'IfMatch', condition: original._etag! } });
          written.push({ original, etag: resource!._etag! });
        }
        return { customers: new Set(rows.map((r) => r.customerId)).size, months: rows.length };
      } catch (error) {
        await this.restore(partnerId, written);
        // A concurrent writer changed one of these documents: start again on fresh data.
        if (statusOf(error) === 412 && attempt < 5) continue;
        throw error;
      }
    }
  }

  private async restore(partnerId: string, written: { original: PartnerDoc | CustomerBucketDoc; etag: string }[]): Promise<void> {
    for (const { original, etag } of written.reverse()) {
      await this.container.item(original.id, partnerId).replace(original, { accessCondition: { type: 'IfMatch', condition: etag } });
    }
  }

  /** A partner's scoring facts: its partner document and any further customer buckets, all by id. Undefined if there is no such partner. */
  async loadFacts(partnerId: string): Promise<PartnerFacts | undefined> {
    return (await this.loadForRecompute(partnerId))?.facts;
  }

  /** The facts, and the partner document they came from, so a later write can skip reading it again. */
  async loadForRecompute(partnerId: string): Promise<{ facts: PartnerFacts; partner: PartnerDoc } | undefined> {
    const partner = await this.partnerDoc(partnerId);
    if (!partner) return undefined;
    return { facts: await this.factsOf(partner), partner };
  }


  /**
   * Applies a day's qualification to the designations; the first designation also sets the
   * partner's anniversary. Given the document just read, a day that changes nothing costs no
   * request, and a change is one write on its ETag (re-read only if someone wrote since).
   */
  recordLifecycleDay(partnerId: string, qualifies: Record<SolutionArea, boolean>, day: string, loaded?: PartnerDoc, azureTrack?: Path): Promise<LifecycleEvent[]> {
    return this.changeLifecycle(partnerId, loaded, (current) => {
      const applied = applyDailyScores(membershipOf(current), qualifies, day, azureTrack);
      const anniversarySet = applied.membership.anniversary !== undefined && current.profile.anniversary === undefined;
      const next: PartnerDoc = {
        ...current,
        membership: applied.membership,
        ...(anniversarySet ? { profile: { ...current.profile, anniversary: applied.membership.anniversary }, profileVersion: current.profileVersion + 1 } : {}),
      };
      return { next, events: applied.events };
    });
  }

  /**
   * Changes the membership (a renewal, an unpaid fee); `change` must be idempotent, and nothing is
   * written when it reports no events. Given the document just read, no second read.
   */
  changeMembership(partnerId: string, change: (membership: Membership) => { membership: Membership; events: LifecycleEvent[] }, loaded?: PartnerDoc): Promise<LifecycleEvent[]> {
    return this.changeLifecycle(partnerId, loaded, (current) => {
      const changed = change(membershipOf(current));
      return { next: { ...current, membership: changed.membership }, events: changed.events };
    });
  }

  /**
   * A lifecycle change, written only when it reports events: first on the ETag of the document
   * the caller has just read (no second read), and if someone wrote since, on fresh data.
   */
  private async changeLifecycle(partnerId: string, loaded: PartnerDoc | undefined, apply: (current: PartnerDoc) => { next: PartnerDoc; events: LifecycleEvent[] }): Promise<LifecycleEvent[]> {
    if (loaded) {
      const { next, events } = apply(loaded);
      if (events.length === 0) return [];
      try {
        await this.container.item(PARTNER_ID, partnerId).replace(withDerived(next), { accessCondition: { type: 'IfMatch', condition: loaded._etag! } });
        return events;
      } catch (error) {
        if (statusOf(error) !== 412) throw error;
      }
    }
    let events: LifecycleEvent[] = [];
    await this.changePartner(partnerId, (current) => {
      const applied = apply(current);
      events = applied.events;
      return events.length === 0 ? current : applied.next;
    });
    return events;
  }

  async lifecycle(partnerId: string): Promise<PartnerLifecycle> {
    const found = await this.loadLifecycle(partnerId);
    if (!found) throw notFound(`partner ${partnerId} not found`);
    return found.lifecycle;
  }

  /** The lifecycle and the document it was read from, whose ETag a following change can write on. */
  async loadLifecycle(partnerId: string): Promise<{ lifecycle: PartnerLifecycle; doc: PartnerDoc } | undefined> {
    const doc = await this.partnerDoc(partnerId);
    return doc ? { lifecycle: lifecycleOf(doc), doc } : undefined;
  }

  /** Records a legacy competency. Answers whether it is new. */
  async putLegacyCompetency(partnerId: string, competency: LegacyCompetency): Promise<boolean> {
    const { previous } = await this.changePartner(partnerId, (current) => {
      const { competency: id, ...held } = competency;
      return { ...current, legacyCompetencies: { ...current.legacyCompetencies, [id]: held } };
    });
    return previous.legacyCompetencies?.[competency.competency] === undefined;
  }

  /** Records a specialization; `check` refuses (by throwing) on the fresh document. Answers whether it is new, and the partner as written. */
  async putSpecialization(partnerId: string, specialization: RecordedSpecialization, check: (lifecycle: PartnerLifecycle) => void): Promise<{ created: boolean; lifecycle: PartnerLifecycle }> {
    const { doc, previous } = await this.changePartner(partnerId, (current) => {
      check(lifecycleOf(current));
      return { ...current, specializations: { ...current.specializations, [specialization.id]: { attainedOn: specialization.attainedOn } } };
    });
    return { created: previous.specializations?.[specialization.id] === undefined, lifecycle: lifecycleOf(doc) };
  }

  /** Partners whose anniversary falls on one of these month-days, a page at a time, for the daily renewal job. */
  async partnersWithAnniversaryOn(monthDays: readonly string[], limit: number, continuation?: string): Promise<Page<{ partnerId: string; anniversary: string }>> {
    const page = await this.container.items
      .query<{ partnerId: string; anniversary: string }>(
        {
          query: "SELECT c.partnerId, c.profile.anniversary FROM c WHERE c.type = 'partner' AND ARRAY_CONTAINS(@monthDays, c.anniversaryMonthDay) ORDER BY c.partnerId",
          parameters: [{ name: '@monthDays', value: [...monthDays] }],
        },
        { maxItemCount: limit, ...(continuation ? { continuationToken: continuation } : {}) },
      )
      .fetchNext();
    return { items: page.resources, ...(page.continuationToken ? { continuation: page.continuationToken } : {}) };
  }

  private async factsOf(partner: PartnerDoc): Promise<PartnerFacts> {
    const partnerId = partner.partnerId;
    const buckets = await Promise.all(Array.from({ length: Math.max(0, partner.bucketCount - 1) }, (_, i) => this.container.item(bucketDocId(i + 1), partnerId).read<CustomerBucketDoc>()));
    const customers = [partner.customers, ...buckets.map(({ resource }) => resource?.customers ?? {})];
    return {
      partner: partner.profile,
      customers: customers.flatMap((bucket) => Object.entries(bucket).map(([customerId, c]) => ({ customerId, ...c.profile, months: c.months }))),
      people: Object.entries(partner.people).map(([personId, p]) => ({ personId, ...p.profile })),
    };
  }

  /**
   * The day's snapshot, in one write. `ifAbsent` (the nightly run) leaves an existing snapshot
   * alone and says so; otherwise the snapshot is replaced. Either way there is one per day.
   */
  async saveSnapshot(summary: ScoreSummary, computedAt: string, mode: 'replace' | 'ifAbsent'): Promise<'written' | 'existed'> {
    const doc: SnapshotDoc = { id: snapshotId(summary.asOf), partnerId: summary.partnerId, type: 'snapshot', day: summary.asOf, summary, computedAt };
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

  async snapshot(partnerId: string, day: string): Promise<SnapshotDoc | undefined> {
    return (await this.container.item(snapshotId(day), partnerId).read<SnapshotDoc>()).resource;
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
}

let store: PartnerStore | undefined;

export function partnerStore(): PartnerStore {
  return (store ??= new PartnerStore(partnersContainer()));
}

export function resetPartnerStore(): void {
  store = undefined;
}
