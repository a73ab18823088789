import type { BenefitPackage } from '../../rules/lifecycleSchema.js';
import type { IsoDate } from '../dates.js';
import { SOLUTION_AREAS, type SolutionArea } from '../model/primitives.js';

export interface Designation {
  area: SolutionArea;
  attainedOn: IsoDate;
  status: 'active' | 'lapsed';
  /** Active, but the area no longer qualifies: it stays active until the anniversary. */
  atRisk: boolean;
  lapsedOn?: IsoDate;
  lapseReason?: 'notRequalified' | 'feeUnpaid';
}

export interface Membership {
  /** Set by the first designation; never changes after. */
  anniversary?: IsoDate;
  designations: Partial<Record<SolutionArea, Designation>>;
  /** The benefits package in force, set by each renewal; absent before the first. */
  package?: BenefitPackage;
  /** The last anniversary whose renewal has been applied here: applying it again changes nothing. */
  lastRenewal?: IsoDate;
}

export type LifecycleEvent =
  | { type: 'anniversarySet'; anniversary: IsoDate }
  | { type: 'attained'; area: SolutionArea; on: IsoDate }
  | { type: 'atRisk'; area: SolutionArea; on: IsoDate }
  | { type: 'backOnTrack'; area: SolutionArea; on: IsoDate }
  | { type: 'renewed'; area: SolutionArea; on: IsoDate }
  | { type: 'lapsed'; area: SolutionArea; on: IsoDate; reason: 'notRequalified' | 'feeUnpaid' }
  | { type: 'packageInForce'; package: BenefitPackage; on: IsoDate };

export const activeAreas = (m: Membership): SolutionArea[] => SOLUTION_AREAS.filter((a) => m.designations[a]?.status === 'active');

/** The package that carries on at an anniversary with no choice made: the one in force, else the designation package for a partner with a designation. */
export const packageInForce = (m: Membership): BenefitPackage => m.package ?? (activeAreas(m).length > 0 ? 'designation' : 'none');

/** The Microsoft Cloud badge: while all six designations are active. */
export const hasMicrosoftCloudBadge = (m: Membership): boolean => activeAreas(m).length === SOLUTION_AREAS.length;

/**
 * One day's recompute: an area that qualifies without an active designation attains one that day
 * (the first sets the anniversary); an active designation whose area no longer qualifies is at risk.
 */
export function applyDailyScores(membership: Membership, qualifies: Record<SolutionArea, boolean>, day: IsoDate): { membership: Membership; events: LifecycleEvent[] } {
  const events: LifecycleEvent[] = [];
  const designations = { ...membership.designations };
  let anniversary = membership.anniversary;
  for (const area of SOLUTION_AREAS) {
    const current = designations[area];
    if (qualifies[area] && current?.status !== 'active') {
      designations[area] = { area, attainedOn: day, status: 'active', atRisk: false };
      events.push({ type: 'attained', area, on: day });
      if (anniversary === undefined) {
        anniversary = day;
        events.push({ type: 'anniversarySet', anniversary: day });
      }
    } else if (current?.status === 'active' && current.atRisk === qualifies[area]) {
      designations[area] = { ...current, atRisk: !qualifies[area] };
      events.push({ type: qualifies[area] ? 'backOnTrack' : 'atRisk', area, on: day });
    }
  }
  return { membership: { ...membership, ...(anniversary ? { anniversary } : {}), designations }, events };
}
