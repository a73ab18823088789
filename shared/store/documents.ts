import type { CustomerProfile, MonthUsage, PersonProfile } from '../model/facts.js';
import type { PartnerProfile } from '../model/partner.js';
import type { ScoreSummary } from '../scoring/summary.js';
import type { Membership } from '../lifecycle/membership.js';
import type { RenewalRecord } from '../lifecycle/renewal.js';
import type { BenefitPackage } from '../../rules/lifecycleSchema.js';
import type { SolutionArea } from '../model/primitives.js';

/**
 * One container, partitioned by partnerId. A partner's facts are a small fixed number of
 * documents read by id: the partner document (profile, people, which bucket holds each customer,
 * and bucket 0's customers themselves) and, past the first BUCKET_CAPACITY customers, further
 * customer buckets. A partner of up to 40 customers is one point read.
 * Point reads cost the same however large the container grows, which queries do not (on the
 * emulator a query scans every document). Clients see one version per partner profile, person and
 * customer, so an If-Match on one customer is not upset by writes to its bucket-mates.
 */
interface Stored {
  id: string;
  partnerId: string;
  _etag?: string;
  /** Seconds until Cosmos DB deletes the item (the container has per-item TTL on, no default). */
  ttl?: number;
}

export interface VersionedPerson {
  profile: PersonProfile;
  version: number;
}

export interface StoredCustomer {
  profile: CustomerProfile;
  months: Record<string, MonthUsage>;
  version: number;
}

export interface PartnerDoc extends Stored {
  type: 'partner';
  profile: PartnerProfile;
  profileVersion: number;
  people: Record<string, VersionedPerson>;
  /** customerId → the bucket that holds it. */
  customerBuckets: Record<string, number>;
  bucketCount: number;
  /** Bucket 0, kept in the partner document itself. */
  customers: Record<string, StoredCustomer>;
  /** Designations and the anniversary; absent until the first recompute that changes them. */
  membership?: Membership;
  /** The anniversary's `MM-DD`, indexed: the daily renewal job selects partners by it. */
  anniversaryMonthDay?: string;
  /** Legacy Silver/Gold competencies by id, all earned on or before 2022-09-30. */
  legacyCompetencies?: Record<string, { level: 'silver' | 'gold'; earnedOn: string }>;
  /** Specializations by id, as attained; each is active only while an aligned designation is. */
  specializations?: Record<string, { attainedOn: string }>;
  /** A bulk upload committed but not yet applied to every bucket: whoever reads or writes this partner's customers next rolls it forward. */
  pendingUpload?: UploadJournal;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerBucketDoc extends Stored {
  type: 'customers';
  bucket: number;
  customers: Record<string, StoredCustomer>;
  /** The last uploads applied to this bucket, so that rolling one forward twice applies it once. */
  appliedUploads?: string[];
}

/**
 * The journal of a bulk upload, written into the partner document in the same write that applies
 * the upload's bucket-0 rows: from then on the upload has happened, and its staged rows for the
 * other buckets are applied (by the uploader, or by whoever next touches the partner's customers).
 */
export interface UploadJournal {
  uploadId: string;
  /** The buckets (1 and up) with rows staged in `upload:<uploadId>:<bucket>`. */
  buckets: number[];
  committedAt: string;
}

/** One bucket's rows of an upload, written before the journal; invisible until the journal commits, and deleted once applied (or by TTL). */
export interface UploadStagingDoc extends Stored {
  type: 'uploadStaging';
  uploadId: string;
  bucket: number;
  rows: { customerId: string; month: string; usage: MonthUsage }[];
}

export const stagingId = (uploadId: string, bucket: number) => `upload:${uploadId}:${bucket}`;
/**
 * A staged upload never committed is garbage; a committed one is applied by the next reader, at the
 * latest the next nightly recompute. A week leaves a wide margin before Cosmos DB deletes either.
 */
export const STAGING_TTL_SECONDS = 7 * 24 * 60 * 60;
/** How many applied upload ids a bucket remembers; far more than can be pending at once (one per partner). */
export const APPLIED_UPLOADS_KEPT = 20;

/** 40 customers × 36 months of typical usage is a few hundred KB; the recompute of a partner this size is 1 read. */
export const BUCKET_CAPACITY = 40;
/** Cosmos DB refuses items above 2 MB; refuse before it, with a sentence. */
export const MAX_DOCUMENT_BYTES = 1_900_000;
/** Cosmos DB's own item limit: what rolling a committed upload forward may not exceed (it must not fail on our margin). */
export const COSMOS_ITEM_BYTES = 2 * 1024 * 1024;

export const PARTNER_ID = 'partner';
/** Buckets from 1 on have documents of their own; bucket 0 lives in the partner document. */
export const bucketDocId = (bucket: number) => `customers:${bucket}`;

/** One per partner per day, under a deterministic id: a duplicate delivery overwrites, never adds. */
export interface SnapshotDoc extends Stored {
  type: 'snapshot';
  day: string;
  summary: ScoreSummary;
  computedAt: string;
}

export const snapshotId = (day: string) => `snapshot:${day}`;

/**
 * One per partner per anniversary, under a deterministic id. The package chosen for A, the
 * preview 30 days before, and on A the renewal record with its fee, written once: whoever writes
 * it first (on the ETag of what it read) charges the fee, and every later run finds it there.
 */
export interface RenewalDoc extends Stored {
  type: 'renewal';
  anniversary: string;
  choice?: { package: BenefitPackage; chosenOn: string };
  preview?: RenewalRecord & { on: string };
  record?: RenewalRecord;
  renewedOn?: string;
  /** The fee-due step, 30 days after A: the day it checked the fee and what lapsed for it unpaid (empty when paid). */
  feeDue?: { checkedOn: string; lapsed: SolutionArea[] };
  updatedAt: string;
}

export const renewalId = (anniversary: string) => `renewal:${anniversary}`;

/** Job bookkeeping lives in its own partition; `_jobs` can never be a partner id. */
export const JOBS_PARTITION = '_jobs';

export interface FanOutCheckpoint extends Stored {
  type: 'fanOut';
  day: string;
  /** Where the next page of partners starts; absent once every page is queued. */
  continuation?: string;
  queued: number;
  done: boolean;
  updatedAt: string;
}

/** The nightly recompute's checkpoint for a day, and the daily renewals' (which queue renewal steps, not recomputes). */
export const fanOutId = (day: string, job: FanOutJob = 'recompute') => (job === 'recompute' ? `fanOut:${day}` : `fanOut:${job}:${day}`);
export type FanOutJob = 'recompute' | 'renewals';
