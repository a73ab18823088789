import type { Container } from '@azure/cosmos';
import { DEFAULT_SNAPSHOT_TTL_DAYS } from '../settings.js';
import { CustomerStore } from './customerStore.js';
import { PartnerListings } from './listings.js';
import { MembershipStore } from './membership.js';
import { PartnerProfiles } from './partners.js';
import { SnapshotStore } from './snapshots.js';
import { UsageUploads } from './usageUpload.js';

export type { LifecycleChange, Page, PartnerLifecycle, Versioned } from './partnerViews.js';

/**
 * Everything the API stores about partners, in one partition per partner, by what it stores: the
 * profile and people, customers and their months, bulk uploads, the membership, the daily
 * snapshots, and the listings across partners.
 */
export class PartnerStore {
  readonly profiles: PartnerProfiles;
  readonly uploads: UsageUploads;
  readonly customers: CustomerStore;
  readonly membership: MembershipStore;
  readonly snapshots: SnapshotStore;
  readonly listings: PartnerListings;

  constructor(container: Container, snapshotTtlSeconds = DEFAULT_SNAPSHOT_TTL_DAYS * 86_400) {
    this.profiles = new PartnerProfiles(container);
    this.uploads = new UsageUploads(container);
    this.customers = new CustomerStore(container, this.uploads);
    this.membership = new MembershipStore(container);
    this.snapshots = new SnapshotStore(container, snapshotTtlSeconds);
    this.listings = new PartnerListings(container);
  }
}
