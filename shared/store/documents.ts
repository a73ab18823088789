import type { CustomerProfile, MonthUsage, PersonProfile } from '../model/facts.js';
import type { PartnerProfile } from '../model/partner.js';
import type { ScoreSummary } from '../scoring/summary.js';

/**
 * One container, partitioned by partnerId: everything about a partner lives in its partition, so
 * its facts come back in one single-partition query. A customer's months live in its document
 * (36 months ≈ 10 KB), which keeps every document far below the 2 MB item limit however many
 * customers a partner has.
 */
interface Stored {
  id: string;
  partnerId: string;
  _etag?: string;
}

export interface PartnerDoc extends Stored {
  type: 'partner';
  profile: PartnerProfile;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerDoc extends Stored {
  type: 'customer';
  customerId: string;
  profile: CustomerProfile;
  months: Record<string, MonthUsage>;
}

export interface PersonDoc extends Stored {
  type: 'person';
  personId: string;
  profile: PersonProfile;
}

export type FactDoc = PartnerDoc | CustomerDoc | PersonDoc;

/** The partner's latest scores, without per-customer explanations (those are recomputed on demand). */
export interface ScoresDoc extends Stored {
  type: 'scores';
  summary: ScoreSummary;
  computedAt: string;
}

export const CURRENT_SCORES_ID = 'scores:current';

/** One per partner per day, under a deterministic id: a duplicate delivery overwrites, never adds. */
export interface SnapshotDoc extends Stored {
  type: 'snapshot';
  day: string;
  summary: ScoreSummary;
  computedAt: string;
}

export const snapshotId = (day: string) => `snapshot:${day}`;

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

export const fanOutId = (day: string) => `fanOut:${day}`;

export const PARTNER_ID = 'partner';
export const customerDocId = (customerId: string) => `customer:${customerId}`;
export const personDocId = (personId: string) => `person:${personId}`;
