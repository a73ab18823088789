import type { LifecycleEvent, Membership } from '../lifecycle/membership.js';
import type { LegacyCompetency } from '../lifecycle/packages.js';
import type { RecordedSpecialization } from '../lifecycle/entitlements.js';
import type { PartnerProfile } from '../model/partner.js';
import type { PartnerDoc } from './documents.js';

/** What the store answers: a value with the version a client sees as its ETag, a page of a listing, a partner's lifecycle. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

export interface Page<T> {
  items: T[];
  continuation?: string;
}

/** The stored membership, or a fresh one carrying the anniversary the partner was created with. */
export function membershipOf(partner: PartnerDoc): Membership {
  return partner.membership ?? { ...(partner.profile.anniversary ? { anniversary: partner.profile.anniversary } : {}), designations: {} };
}

/** What the lifecycle endpoints read of a partner. */
export interface PartnerLifecycle {
  profile: PartnerProfile;
  membership: Membership;
  legacyCompetencies: LegacyCompetency[];
  specializations: RecordedSpecialization[];
}

export function lifecycleOf(doc: PartnerDoc): PartnerLifecycle {
  return {
    profile: doc.profile,
    membership: membershipOf(doc),
    legacyCompetencies: Object.entries(doc.legacyCompetencies ?? {}).map(([competency, c]) => ({ competency, ...c })),
    specializations: Object.entries(doc.specializations ?? {}).map(([id, s]) => ({ id, ...s })),
  };
}

/** What a lifecycle change did, and the membership as it stands after it. */
export type LifecycleChange = { membership: Membership; events: LifecycleEvent[] };
