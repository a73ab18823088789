import type { BenefitPackage } from '../../rules/lifecycleSchema.js';
import type { Path } from '../../rules/schema.js';
import type { IsoDate } from '../dates.js';
import type { Designation } from '../model/lifecycle.js';
import { SOLUTION_AREAS, type SolutionArea } from '../model/primitives.js';
import { plusDays } from './anniversary.js';

/** The areas whose designations record an enrollment track (learn-2026/azure.md "Enrollment Track"). */
export const AZURE_AREAS: readonly SolutionArea[] = ['infrastructure', 'dataAi', 'digitalAppInnovation'];

/**
 * The partner's Azure track as the daily recomputes saw it: since when, and the last SMB day before
 * that. Changes are rare, so keeping it costs a write only on the days the track changes.
 */
export interface AzureTrackMark {
  track: Path;
  since: IsoDate;
  lastSmbDay?: IsoDate;
}

export interface Membership {
  /** Set by the first designation; never changes after. */
  anniversary?: IsoDate;
  designations: Partial<Record<SolutionArea, Designation>>;
  /** The benefits package in force, set by each renewal; absent before the first. */
  package?: BenefitPackage;
  /** The last anniversary whose renewal has been applied here: applying it again changes nothing. */
  lastRenewal?: IsoDate;
  azureTrack?: AzureTrackMark;
}

export type LifecycleEvent =
  | { type: 'anniversarySet'; anniversary: IsoDate }
  | { type: 'attained'; area: SolutionArea; on: IsoDate }
  | { type: 'atRisk'; area: SolutionArea; on: IsoDate }
  | { type: 'backOnTrack'; area: SolutionArea; on: IsoDate }
  | { type: 'renewed'; area: SolutionArea; on: IsoDate }
  | { type: 'lapsed'; area: SolutionArea; on: IsoDate; reason: 'notRequalified' | 'feeUnpaid' }
  | { type: 'packageInForce'; package: BenefitPackage; on: IsoDate }
  | { type: 'azureTrackChanged'; track: Path; on: IsoDate };

export const activeAreas = (m: Membership): SolutionArea[] => SOLUTION_AREAS.filter((a) => m.designations[a]?.status === 'active');

/** The package that carries on at an anniversary with no choice made: the one in force, else the designation package for a partner with a designation. */
export const packageInForce = (m: Membership): BenefitPackage => m.package ?? (activeAreas(m).length > 0 ? 'designation' : 'none');

/** The Microsoft Cloud badge: while all six designations are active. */
export const hasMicrosoftCloudBadge = (m: Membership): boolean => activeAreas(m).length === SOLUTION_AREAS.length;

/** Whether the partner was classified SMB for Azure on any day from `from` to `to`; undefined when never classified. */
export function smbSeenBetween(membership: Membership, from: IsoDate, to: IsoDate): boolean | undefined {
  const mark = membership.azureTrack;
  if (!mark) return undefined;
  if (mark.track === 'smb' && mark.since <= to) return true;
  return mark.lastSmbDay !== undefined && mark.lastSmbDay >= from;
}

function markTrack(mark: AzureTrackMark | undefined, track: Path, day: IsoDate): AzureTrackMark {
  const lastSmbDay = mark?.track === 'smb' ? plusDays(day, -1) : mark?.lastSmbDay;
  return { track, since: day, ...(lastSmbDay === undefined ? {} : { lastSmbDay }) };
}

/**
 * One day's recompute: an area that qualifies without an active designation attains one that day
 * (the first sets the anniversary; an Azure one records the day's track); an active designation
 * whose area no longer qualifies is at risk. While an Azure designation is active, a change of the
 * Azure track is kept, with the day.
 */
export function applyDailyScores(
  membership: Membership,
  qualifies: Record<SolutionArea, boolean>,
  day: IsoDate,
  azureTrack?: Path,
): { membership: Membership; events: LifecycleEvent[] } {
  const events: LifecycleEvent[] = [];
  const designations = { ...membership.designations };
  let anniversary = membership.anniversary;
  for (const area of SOLUTION_AREAS) {
    const current = designations[area];
    if (qualifies[area] && current?.status !== 'active') {
      const enrollment = azureTrack !== undefined && AZURE_AREAS.includes(area) ? { enrollmentTrack: azureTrack } : {};
      designations[area] = { area, attainedOn: day, status: 'active', atRisk: false, ...enrollment };
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
  // The track is kept only while an Azure designation is active: only a renewal of one reads it, and a
  // partner without one costs no write on the day its track changes.
  let mark = membership.azureTrack;
  const holdsAzure = AZURE_AREAS.some((area) => designations[area]?.status === 'active');
  if (azureTrack !== undefined && holdsAzure && mark?.track !== azureTrack) {
    mark = markTrack(mark, azureTrack, day);
    events.push({ type: 'azureTrackChanged', track: azureTrack, on: day });
  }
  return {
    membership: { ...membership, ...(anniversary ? { anniversary } : {}), ...(mark ? { azureTrack: mark } : {}), designations },
    events,
  };
}
