import type { RenewalRules } from '../../rules/lifecycleSchema.js';
import type { Path } from '../../rules/schema.js';
import type { IsoDate } from '../dates.js';
import type { SolutionArea } from '../model/primitives.js';
import { applyDailyScores, type LifecycleEvent, type Membership } from './membership.js';
import { planRenewal } from './plan.js';
import { applyRenewal, type RenewalRecord } from './renewal.js';

/**
 * A new member's first renewal, when this day's scores make it one: the first designation sets the
 * anniversary A, and A is also the first renewal, with its fee. Every area active then was attained
 * that very day because it qualifies, so A's own score is all of the window the renewal needs, and
 * no package can have been chosen for an anniversary the partner did not have yet.
 */
export function firstRenewalOn(
  membership: Membership,
  qualifies: Record<SolutionArea, boolean>,
  day: IsoDate,
  azureTrack: Path | undefined,
  rules: RenewalRules,
): RenewalRecord | undefined {
  const applied = applyDailyScores(membership, qualifies, day, azureTrack);
  if (!applied.events.some((e) => e.type === 'anniversarySet')) return undefined;
  return planRenewal(applied.membership, [{ day, qualifies }], day, undefined, rules);
}

/**
 * The day applied to the designations and, when this application is what sets the anniversary the
 * first renewal is for, that renewal with it, so one write carries both. On data where someone else
 * has set the anniversary in between, the day alone (the renewal is theirs, or not due at all).
 */
export function applyDay(
  membership: Membership,
  qualifies: Record<SolutionArea, boolean>,
  day: IsoDate,
  azureTrack?: Path,
  firstRenewal?: RenewalRecord,
): { membership: Membership; events: LifecycleEvent[] } {
  const applied = applyDailyScores(membership, qualifies, day, azureTrack);
  const sets = applied.events.some((e) => e.type === 'anniversarySet' && e.anniversary === firstRenewal?.anniversary);
  if (!firstRenewal || !sets) return applied;
  const renewed = applyRenewal(applied.membership, firstRenewal);
  return { membership: renewed.membership, events: [...applied.events, ...renewed.events] };
}
