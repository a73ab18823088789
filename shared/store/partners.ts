import type { Container } from '@azure/cosmos';
import type { PersonProfile } from '../model/facts.js';
import type { PartnerFacts, PartnerProfile } from '../model/partner.js';
import { refuse, refused } from '../refusal.js';
import { checkIfMatch, etagOf } from './versions.js';
import { BUCKET_CAPACITY, bucketDocId, PARTNER_ID, type CustomerBucketDoc, type PartnerDoc } from './documents.js';
import { own, withEntry } from './own.js';
import { changePartnerDoc, noSuchPartner, readPartnerDoc, withDerived } from './partnerDocs.js';
import type { Versioned } from './partnerViews.js';
import { statusOf } from './transient.js';

/** A partner's profile and people: the partner document's own fields, each with the version its ETag shows. */
export class PartnerProfiles {
  constructor(private readonly container: Container) {}

  async createPartner(profile: PartnerProfile, now: string): Promise<Versioned<PartnerProfile>> {
    await this.createPartnerDoc({
      id: PARTNER_ID,
      partnerId: profile.partnerId,
      type: 'partner',
      profile,
      profileVersion: 1,
      people: {},
      customerBuckets: {},
      bucketCount: 0,
      customers: {},
      createdAt: now,
      updatedAt: now,
    });
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
      await this.container.items.upsert<CustomerBucketDoc>({
        id: bucketDocId(b),
        partnerId,
        type: 'customers',
        bucket: b,
        customers: buckets[b]!,
      });
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

  async getPartner(partnerId: string): Promise<Versioned<PartnerProfile> | undefined> {
    const doc = await readPartnerDoc(this.container, partnerId);
    return doc ? { value: doc.profile, etag: etagOf(doc.profileVersion) } : undefined;
  }

  async requirePartner(partnerId: string): Promise<Versioned<PartnerProfile>> {
    const partner = await this.getPartner(partnerId);
    if (!partner) throw noSuchPartner(partnerId);
    return partner;
  }

  async updatePartner(
    partnerId: string,
    change: (profile: PartnerProfile) => PartnerProfile,
    now: string,
    ifMatch?: string,
  ): Promise<Versioned<PartnerProfile>> {
    const { doc } = await changePartnerDoc(this.container, partnerId, (current) => {
      checkIfMatch(ifMatch, current.profileVersion, `partner ${partnerId}`);
      return { ...current, profile: change(current.profile), profileVersion: current.profileVersion + 1, updatedAt: now };
    });
    return { value: doc.profile, etag: etagOf(doc.profileVersion) };
  }

  async putPerson(
    partnerId: string,
    personId: string,
    profile: PersonProfile,
    ifMatch?: string,
  ): Promise<Versioned<PersonProfile> & { created: boolean }> {
    const { doc, previous } = await changePartnerDoc(this.container, partnerId, (current) => {
      const existing = own(current.people, personId);
      checkIfMatch(ifMatch, existing?.version, `person ${personId}`);
      return { ...current, people: withEntry(current.people, personId, { profile, version: (existing?.version ?? 0) + 1 }) };
    });
    return { value: profile, etag: etagOf(own(doc.people, personId)!.version), created: own(previous.people, personId) === undefined };
  }
}
