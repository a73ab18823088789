import type { Container } from '@azure/cosmos';
import { refuse, refused } from '../refusal.js';
import type { UsageRow } from '../model/api.js';
import type { CustomerProfile, MonthUsage, PersonProfile } from '../model/facts.js';
import type { PartnerFacts, PartnerProfile } from '../model/partner.js';
import type { ScoreSummary } from '../scoring/summary.js';
import type { LifecycleEvent, Membership } from '../lifecycle/membership.js';
import { applyDay } from '../lifecycle/firstRenewal.js';
import type { RenewalRecord } from '../lifecycle/renewal.js';
import type { Path } from '../../rules/schema.js';
import type { SolutionArea } from '../model/primitives.js';
import type { LegacyCompetency } from '../lifecycle/packages.js';
import type { RecordedSpecialization } from '../lifecycle/entitlements.js';
import { settings, DEFAULT_SNAPSHOT_TTL_DAYS } from '../settings.js';
import { decodeContinuation, encodeContinuation } from './continuation.js';
import { partnersContainer } from './cosmos.js';
import { checkIfMatch, CustomerStore, etagOf } from './customerStore.js';
import {
  BUCKET_CAPACITY,
  bucketDocId,
  PARTNER_ID,
  type CustomerBucketDoc,
  type PartnerDoc,
  type SnapshotDoc,
} from './documents.js';
import { own, withEntry } from './own.js';
import { lifecycleOf, membershipOf, type LifecycleChange, type PartnerLifecycle, type Page, type Versioned } from './partnerViews.js';
import { changePartnerDoc, noSuchPartner, readPartnerDoc, withDerived } from './partnerDocs.js';
import { statusOf } from './transient.js';
import { SnapshotStore } from './snapshots.js';
import { UsageUploads, type UploadOptions } from './usageUpload.js';

export type { LifecycleChange, Page, PartnerLifecycle, Versioned } from './partnerViews.js';

/** Everything the API stores about partners, in one partition per partner. */
export class PartnerStore {
  private readonly uploads: UsageUploads;
  private readonly customers: CustomerStore;
  readonly snapshots: SnapshotStore;

  constructor(private readonly container: Container, snapshotTtlSeconds = DEFAULT_SNAPSHOT_TTL_DAYS * 86_400) {
    this.uploads = new UsageUploads(container);
    this.customers = new CustomerStore(container, this.uploads);
    this.snapshots = new SnapshotStore(container, snapshotTtlSeconds);
  }

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
    const buckets: PartnerDoc['customers'][] = [];
    let customerBuckets: Record<string, number> = {};
    facts.customers.forEach(({ customerId, months, ...profile }, i) => {
      const b = Math.floor(i / BUCKET_CAPACITY);
      buckets[b] = withEntry(buckets[b] ?? {}, customerId, { profile, months, version: 1 });
      customerBuckets = withEntry(customerBuckets, customerId, b);
    });
    for (let b = 1; b < buckets.length; b++) {
      await this.container.items.upsert<CustomerBucketDoc>({ id: bucketDocId(b), partnerId, type: 'customers', bucket: b, customers: buckets[b]! });
    }
    const people = Object.fromEntries(facts.people.map(({ personId, ...profile }) => [personId, { profile, version: 1 }] as const));
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
      if (statusOf(error) === 409) throw refuse(refused('partnerExists', `partner ${doc.partnerId} already exists`));
      throw error;
    }
  }

  private partnerDoc(partnerId: string): Promise<PartnerDoc | undefined> {
    return readPartnerDoc(this.container, partnerId);
  }

  async getPartner(partnerId: string): Promise<Versioned<PartnerProfile> | undefined> {
    const doc = await this.partnerDoc(partnerId);
    return doc ? { value: doc.profile, etag: etagOf(doc.profileVersion) } : undefined;
  }

  async requirePartner(partnerId: string): Promise<Versioned<PartnerProfile>> {
    const partner = await this.getPartner(partnerId);
    if (!partner) throw noSuchPartner(partnerId);
    return partner;
  }

  private changePartner(partnerId: string, change: (doc: PartnerDoc) => PartnerDoc): Promise<{ doc: PartnerDoc; previous: PartnerDoc }> {
    return changePartnerDoc(this.container, partnerId, change);
  }

  async updatePartner(partnerId: string, change: (profile: PartnerProfile) => PartnerProfile, now: string, ifMatch?: string): Promise<Versioned<PartnerProfile>> {
    const { doc } = await this.changePartner(partnerId, (current) => {
      checkIfMatch(ifMatch, current.profileVersion, `partner ${partnerId}`);
      return { ...current, profile: change(current.profile), profileVersion: current.profileVersion + 1, updatedAt: now };
    });
    return { value: doc.profile, etag: etagOf(doc.profileVersion) };
  }

  async listPartners(limit: number, continuation?: string): Promise<Page<PartnerProfile>> {
    const token = continuation === undefined ? undefined : decodeContinuation('partners', continuation);
    const page = await this.container.items
      .query<{ profile: PartnerProfile }>({ query: "SELECT c.profile FROM c WHERE c.type = 'partner' ORDER BY c.partnerId" }, { maxItemCount: limit, ...(token ? { continuationToken: token } : {}) })
      .fetchNext();
    return { items: page.resources.map((r) => r.profile), ...(page.continuationToken ? { continuation: encodeContinuation('partners', page.continuationToken) } : {}) };
  }

  async putPerson(partnerId: string, personId: string, profile: PersonProfile, ifMatch?: string): Promise<Versioned<PersonProfile> & { created: boolean }> {
    const { doc, previous } = await this.changePartner(partnerId, (current) => {
      const existing = own(current.people, personId);
      checkIfMatch(ifMatch, existing?.version, `person ${personId}`);
      return { ...current, people: withEntry(current.people, personId, { profile, version: (existing?.version ?? 0) + 1 }) };
    });
    return { value: profile, etag: etagOf(own(doc.people, personId)!.version), created: own(previous.people, personId) === undefined };
  }

  putCustomer(partnerId: string, customerId: string, profile: CustomerProfile, ifMatch?: string): Promise<Versioned<CustomerProfile> & { created: boolean }> {
    return this.customers.putCustomer(partnerId, customerId, profile, ifMatch);
  }

  putMonth(partnerId: string, customerId: string, month: string, usage: MonthUsage, ifMatch?: string): Promise<Versioned<MonthUsage>> {
    return this.customers.putMonth(partnerId, customerId, month, usage, ifMatch);
  }

  /** Many customer-months at once, all or none, even across a crash (see UsageUploads). */
  putUsage(partnerId: string, rows: readonly UsageRow[], options?: UploadOptions): Promise<{ customers: number; months: number }> {
    return this.uploads.upload(partnerId, rows, options);
  }

  /** A partner's scoring facts: its partner document and any further customer buckets, all by id. Undefined if there is no such partner. */
  async loadFacts(partnerId: string): Promise<PartnerFacts | undefined> {
    return (await this.loadForRecompute(partnerId))?.facts;
  }

  /** A partner's scoring facts; refused as `notFound` if there is no such partner. */
  async requireFacts(partnerId: string): Promise<PartnerFacts> {
    const facts = await this.loadFacts(partnerId);
    if (!facts) throw noSuchPartner(partnerId);
    return facts;
  }

  /** The facts, and the partner document they came from, so a later write can skip reading it again. */
  loadForRecompute(partnerId: string): Promise<{ facts: PartnerFacts; partner: PartnerDoc } | undefined> {
    return this.customers.loadForRecompute(partnerId);
  }

  /**
   * Applies a day's qualification to the designations; the first designation also sets the
   * anniversary, and with it applies `firstRenewal` (see applyDay). Given the document just read, a
   * day that changes nothing costs no request, a change one write on its ETag (re-read only if
   * someone wrote since). Answers the events and the membership as it now stands.
   */
  recordLifecycleDay(partnerId: string, qualifies: Record<SolutionArea, boolean>, day: string, loaded?: PartnerDoc, azureTrack?: Path, firstRenewal?: RenewalRecord): Promise<LifecycleChange> {
    return this.changeLifecycle(partnerId, loaded, (current) => {
      const applied = applyDay(membershipOf(current), qualifies, day, azureTrack, firstRenewal);
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
  async changeMembership(partnerId: string, change: (membership: Membership) => LifecycleChange, loaded?: PartnerDoc): Promise<LifecycleEvent[]> {
    return (await this.changeLifecycle(partnerId, loaded, (current) => {
      const changed = change(membershipOf(current));
      return { next: { ...current, membership: changed.membership }, events: changed.events };
    })).events;
  }

  /**
   * A lifecycle change, written only when it reports events: first on the ETag of the document
   * the caller has just read (no second read), and if someone wrote since, on fresh data.
   */
  private async changeLifecycle(partnerId: string, loaded: PartnerDoc | undefined, apply: (current: PartnerDoc) => { next: PartnerDoc; events: LifecycleEvent[] }): Promise<LifecycleChange> {
    if (loaded) {
      const { next, events } = apply(loaded);
      if (events.length === 0) return { events, membership: membershipOf(loaded) };
      try {
        await this.container.item(PARTNER_ID, partnerId).replace(withDerived(next), { accessCondition: { type: 'IfMatch', condition: loaded._etag! } });
        return { events, membership: membershipOf(next) };
      } catch (error) {
        if (statusOf(error) !== 412) throw error;
      }
    }
    let events: LifecycleEvent[] = [];
    const { doc } = await this.changePartner(partnerId, (current) => {
      const applied = apply(current);
      events = applied.events;
      return events.length === 0 ? current : applied.next;
    });
    return { events, membership: membershipOf(doc) };
  }

  async lifecycle(partnerId: string): Promise<PartnerLifecycle> {
    const found = await this.loadLifecycle(partnerId);
    if (!found) throw noSuchPartner(partnerId);
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
      return { ...current, legacyCompetencies: withEntry(current.legacyCompetencies ?? {}, id, held) };
    });
    return own(previous.legacyCompetencies, competency.competency) === undefined;
  }

  /** Records a specialization; `check` refuses (by throwing) on the fresh document. Answers whether it is new, and the partner as written. */
  async putSpecialization(partnerId: string, specialization: RecordedSpecialization, check: (lifecycle: PartnerLifecycle) => void): Promise<{ created: boolean; lifecycle: PartnerLifecycle }> {
    const { doc, previous } = await this.changePartner(partnerId, (current) => {
      check(lifecycleOf(current));
      return { ...current, specializations: withEntry(current.specializations ?? {}, specialization.id, { attainedOn: specialization.attainedOn }) };
    });
    return { created: own(previous.specializations, specialization.id) === undefined, lifecycle: lifecycleOf(doc) };
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

  saveSnapshot(summary: ScoreSummary, computedAt: string, mode: 'replace' | 'ifAbsent'): Promise<'written' | 'existed'> {
    return this.snapshots.save(summary, computedAt, mode);
  }

  snapshot(partnerId: string, day: string): Promise<SnapshotDoc | undefined> {
    return this.snapshots.get(partnerId, day);
  }

  /** The daily snapshots between two days, both included, oldest first. */
  history(partnerId: string, from: string, to: string): Promise<SnapshotDoc[]> {
    return this.snapshots.between(partnerId, from, to);
  }

  /** Partner ids a page at a time, for the nightly fan-out. */
  async listPartnerIds(limit: number, continuation?: string): Promise<Page<string>> {
    const page = await this.container.items
      .query<{ partnerId: string }>({ query: "SELECT c.partnerId FROM c WHERE c.type = 'partner' ORDER BY c.partnerId" }, { maxItemCount: limit, ...(continuation ? { continuationToken: continuation } : {}) })
      .fetchNext();
    return { items: page.resources.map((r) => r.partnerId), ...(page.continuationToken ? { continuation: page.continuationToken } : {}) };
  }
}

let store: PartnerStore | undefined;

export function partnerStore(): PartnerStore {
  return (store ??= new PartnerStore(partnersContainer(), settings().SNAPSHOT_TTL_DAYS * 86_400));
}

export function resetPartnerStore(): void {
  store = undefined;
}
