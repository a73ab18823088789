import type { LifecycleEvent, Membership } from '../lifecycle/membership.js';
import type { RenewalRecord } from '../lifecycle/renewal.js';
import type { RenewalState } from '../lifecycle/renewalChanges.js';
import type { PartnerFacts } from '../model/partner.js';
import type { ScoreSummary } from '../scoring/summary.js';

/*
 * What the jobs need from the outside world, in the domain's words and no more: the function files
 * wire the stores and queues into these (retrying transient failures there), the unit tests an
 * in-memory world. `Read` is whatever an adapter read a partner or a renewal from (for the stores,
 * the document with its ETag): a job only hands it back to the write that follows, so that write
 * needs no second read.
 */

/** A page of a listing and where the next one starts (absent on the last page). */
export interface Page<T> {
  items: T[];
  continuation?: string;
}

/** How far a fan-out has got through a day's pages. */
export interface Checkpoint {
  day: string;
  /** Where the next page starts; absent once every page is sent. */
  continuation?: string;
  queued: number;
  done: boolean;
  updatedAt: string;
}

/** A membership as a job reads it, with what it was read from. */
export interface LoadedMembership<Read> {
  membership: Membership;
  read: Read;
}

/** What a lifecycle change did, and the membership as it stands after it. */
export interface MembershipChange {
  membership: Membership;
  events: LifecycleEvent[];
}

/** One anniversary's renewal as the jobs read it: the same shape the renewal decisions take. */
export type Renewal = RenewalState;

/** A day's stored score summary (the daily snapshot). */
export interface DaySummary {
  day: string;
  summary: ScoreSummary;
}

/** A partner, as a recompute reads and writes it. */
export interface RecomputePartners<Read> {
  /** The scoring facts and the membership; undefined if there is no such partner. */
  loadForRecompute(partnerId: string): Promise<(LoadedMembership<Read> & { facts: PartnerFacts }) | undefined>;
  /**
   * Writes the membership `change` answers (the day applied, a renewal, an unpaid lapse), only when
   * it reports events: on `read`, or on fresh data if someone wrote since; `change` must be idempotent.
   */
  changeMembership(partnerId: string, change: (membership: Membership) => MembershipChange, read: Read): Promise<MembershipChange>;
  /** The day's snapshot: kept if one exists (`ifAbsent`) or replaced. */
  saveSnapshot(summary: ScoreSummary, computedAt: string, mode: 'replace' | 'ifAbsent'): Promise<'written' | 'existed'>;
}

/** The renewal records, each written on the version of what was read. */
export interface RenewalRecords<R extends Renewal> {
  get(partnerId: string, anniversary: string): Promise<R | undefined>;
  /** The record with its fee, written once: one already there stays, and is what comes back. `known` is the renewal as just read. */
  commitRenewal(partnerId: string, anniversary: string, record: RenewalRecord, on: string, now: string, known: R | undefined): Promise<R>;
}

/** What a recompute of one partner and day reads and writes. */
export interface RecomputePorts<Read = unknown, R extends Renewal = Renewal> {
  partners: RecomputePartners<Read>;
  renewals: RenewalRecords<R>;
  /** The time now, as an ISO timestamp, for what is written. */
  now(): string;
}

/** What a renewal step reads and writes besides what a recompute of A does. */
export interface RenewalStepPorts<Read = unknown, R extends Renewal = Renewal> extends RecomputePorts<Read, R> {
  partners: RecomputePartners<Read> & {
    loadMembership(partnerId: string): Promise<LoadedMembership<Read> | undefined>;
    /** A day's snapshot, if it has been made. */
    snapshot(partnerId: string, day: string): Promise<DaySummary | undefined>;
    /** The snapshots between two days, both included, oldest first. */
    history(partnerId: string, from: string, to: string): Promise<DaySummary[]>;
  };
  renewals: RenewalRecords<R> & {
    savePreview(partnerId: string, anniversary: string, preview: RenewalRecord, on: string, now: string): Promise<R>;
    /** A change to a renewal that has run. */
    changeRecord(partnerId: string, anniversary: string, now: string, change: (renewal: R & { record: RenewalRecord }) => R): Promise<R>;
  };
}
