import type { Container } from '@azure/cosmos';
import { notFound, refuse, tooLarge } from '../refusal.js';
import { checkIfMatch, etagOf } from './versions.js';
import type { CustomerProfile, MonthUsage } from '../model/facts.js';
import type { PartnerFacts } from '../model/partner.js';
import { CONTENTION, contentionDelay, pause, tooManyWriters } from './contention.js';
import {
  BUCKET_CAPACITY,
  bucketDocId,
  MAX_DOCUMENT_BYTES,
  type CustomerBucketDoc,
  type PartnerDoc,
  type StoredCustomer,
} from './documents.js';
import { own, withEntry } from './own.js';
import { changePartnerDoc, noSuchPartner } from './partnerDocs.js';
import { documentBytes, readModifyWrite } from './readModifyWrite.js';
import type { UsageUploads } from './usageUpload.js';

type Customers = Record<string, StoredCustomer>;

/** The bucket a new customer goes to: the last one while it has room, else a new one. */
function bucketForNewCustomer(partner: PartnerDoc): number {
  const last = partner.bucketCount - 1;
  const inLast = Object.values(partner.customerBuckets).filter((b) => b === last).length;
  return last >= 0 && inLast < BUCKET_CAPACITY ? last : partner.bucketCount;
}

/** Only the customers the partner document maps to this bucket: an entry a refused or interrupted creation left behind is not a customer. */
function mapped(partner: PartnerDoc, bucket: number, customers: Customers): [string, StoredCustomer][] {
  return Object.entries(customers).filter(([customerId]) => own(partner.customerBuckets, customerId) === bucket);
}

/**
 * A partner's customers, in buckets of 40: bucket 0 inside the partner document, the others in
 * documents of their own. The partner document's map says which bucket holds each customer, and
 * only what it maps exists: a new customer is written into its bucket first and mapped after, so a
 * creation that is refused or interrupted leaves no customer behind.
 */
export class CustomerStore {
  constructor(
    private readonly container: Container,
    private readonly uploads: UsageUploads,
  ) {}

  private async partner(partnerId: string): Promise<PartnerDoc> {
    const partner = await this.uploads.settled(partnerId);
    if (!partner) throw noSuchPartner(partnerId);
    return partner;
  }

  /** Changes the customers of one bucket, wherever the bucket lives; answers the customers before and after. */
  private async changeBucket(
    partnerId: string,
    bucket: number,
    change: (customers: Customers) => Customers,
    what: string,
  ): Promise<{ after: Customers; before: Customers }> {
    if (bucket === 0) {
      const { doc, previous } = await changePartnerDoc(this.container, partnerId, (current) => {
        const customers = change(current.customers);
        return customers === current.customers ? current : { ...current, customers };
      });
      return { after: doc.customers, before: previous.customers };
    }
    const { doc, previous } = await readModifyWrite<CustomerBucketDoc>(
      this.container,
      bucketDocId(bucket),
      partnerId,
      (current) => {
        const base: CustomerBucketDoc = current ?? { id: bucketDocId(bucket), partnerId, type: 'customers', bucket, customers: {} };
        return { ...base, customers: change(base.customers) };
      },
      what,
    );
    return { after: doc.customers, before: previous?.customers ?? {} };
  }

  async putCustomer(
    partnerId: string,
    customerId: string,
    profile: CustomerProfile,
    ifMatch?: string,
  ): Promise<{ value: CustomerProfile; etag: string; created: boolean }> {
    const what = `customer ${customerId}`;
    const replace = (customers: Customers) => {
      const existing = own(customers, customerId);
      checkIfMatch(ifMatch, existing?.version, what);
      return withEntry(customers, customerId, { profile, months: existing?.months ?? {}, version: (existing?.version ?? 0) + 1 });
    };
    for (let attempt = 0; attempt < CONTENTION.attempts; attempt++) {
      if (attempt > 0) await pause(contentionDelay(attempt - 1));
      const partner = await this.partner(partnerId);
      const assigned = own(partner.customerBuckets, customerId);
      if (assigned !== undefined) {
        const { after } = await this.changeBucket(partnerId, assigned, replace, what);
        return { value: profile, etag: etagOf(own(after, customerId)!.version), created: false };
      }
      // A new customer has no version an If-Match could name: refused before anything is written.
      checkIfMatch(ifMatch, undefined, what);
      const bucket = bucketForNewCustomer(partner);
      const mapTo = (current: PartnerDoc): PartnerDoc => ({
        ...current,
        customerBuckets: withEntry(current.customerBuckets, customerId, bucket),
        bucketCount: Math.max(current.bucketCount, bucket + 1),
      });
      if (bucket === 0) {
        // Bucket 0 is the partner document: the customer and its place in the map in one write.
        let raced = false;
        const { doc } = await changePartnerDoc(this.container, partnerId, (current) => {
          raced = own(current.customerBuckets, customerId) !== undefined || bucketForNewCustomer(current) !== 0;
          return raced ? current : { ...mapTo(current), customers: replace(current.customers) };
        });
        if (raced) continue;
        return { value: profile, etag: etagOf(own(doc.customers, customerId)!.version), created: true };
      }
      if (documentBytes(mapTo(partner)) > MAX_DOCUMENT_BYTES)
        throw refuse(tooLarge(`partner ${partnerId} would exceed the storage limit of one document with customer ${customerId}`));
      const { after } = await this.changeBucket(partnerId, bucket, replace, what);
      let mappedElsewhere = false;
      const { previous } = await changePartnerDoc(this.container, partnerId, (current) => {
        const now = own(current.customerBuckets, customerId);
        mappedElsewhere = now !== undefined && now !== bucket;
        return now === undefined ? mapTo(current) : current;
      });
      // A concurrent creation of the same id mapped it to another bucket first: write it there.
      if (mappedElsewhere) continue;
      return {
        value: profile,
        etag: etagOf(own(after, customerId)!.version),
        created: own(previous.customerBuckets, customerId) === undefined,
      };
    }
    throw tooManyWriters(`partner ${partnerId}`);
  }

  async putMonth(
    partnerId: string,
    customerId: string,
    month: string,
    usage: MonthUsage,
    ifMatch?: string,
  ): Promise<{ value: MonthUsage; etag: string }> {
    const partner = await this.partner(partnerId);
    const missing = refuse(
      notFound(
        `customer ${customerId} of partner ${partnerId}`,
        `customer ${customerId} of partner ${partnerId} not found; PUT the customer first`,
      ),
    );
    const bucket = own(partner.customerBuckets, customerId);
    if (bucket === undefined) throw missing;
    const { after } = await this.changeBucket(
      partnerId,
      bucket,
      (customers) => {
        const existing = own(customers, customerId);
        if (!existing) throw missing;
        checkIfMatch(ifMatch, existing.version, `customer ${customerId}`);
        return withEntry(customers, customerId, {
          ...existing,
          months: { ...existing.months, [month]: usage },
          version: existing.version + 1,
        });
      },
      `customer ${customerId}`,
    );
    return { value: usage, etag: etagOf(own(after, customerId)!.version) };
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

  /** The facts, and the partner document they came from (no upload pending), so a later write can skip reading it again. */
  async loadForRecompute(partnerId: string): Promise<{ facts: PartnerFacts; partner: PartnerDoc } | undefined> {
    const partner = await this.uploads.settled(partnerId);
    if (!partner) return undefined;
    return { facts: await this.factsOf(partner), partner };
  }

  private async factsOf(partner: PartnerDoc): Promise<PartnerFacts> {
    const partnerId = partner.partnerId;
    const buckets = await Promise.all(
      Array.from({ length: Math.max(0, partner.bucketCount - 1) }, (_, i) =>
        this.container.item(bucketDocId(i + 1), partnerId).read<CustomerBucketDoc>(),
      ),
    );
    const customers = [
      mapped(partner, 0, partner.customers),
      ...buckets.map(({ resource }, i) => mapped(partner, i + 1, resource?.customers ?? {})),
    ];
    return {
      partner: partner.profile,
      customers: customers.flatMap((bucket) => bucket.map(([customerId, c]) => ({ customerId, ...c.profile, months: c.months }))),
      people: Object.entries(partner.people).map(([personId, p]) => ({ personId, ...p.profile })),
    };
  }
}
