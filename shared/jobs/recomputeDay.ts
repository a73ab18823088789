import { renewalRules, ruleSetFor } from '../../rules/index.js';
import { applyDay, firstRenewalOn } from '../lifecycle/firstRenewal.js';
import type { LifecycleEvent } from '../lifecycle/membership.js';
import { planRenewal } from '../lifecycle/plan.js';
import type { SolutionArea } from '../model/primitives.js';
import { qualifiesByArea, scorePartner, toScoreDocument, toScoreSummary } from '../scoring/index.js';
import type { RecomputePorts, Renewal } from './ports.js';

export type RecomputeOutcome =
  { outcome: 'missing' } | { outcome: 'written' | 'existed'; events: LifecycleEvent[]; qualifies: Record<SolutionArea, boolean> };

/**
 * Scores a partner as of a day, applies the day to its designations, and stores the day's
 * snapshot: once a day (`ifAbsent`, the nightly run) or replacing it (a data change). The day that
 * makes the partner a member is also its first renewal, run here rather than by a message of its
 * own, which would read A's snapshot, the partner and the renewal document again.
 */
export async function recomputeDay<Read, R extends Renewal>(
  ports: RecomputePorts<Read, R>,
  partnerId: string,
  day: string,
  mode: 'replace' | 'ifAbsent',
): Promise<RecomputeOutcome> {
  const { partners, renewals } = ports;
  const loaded = await partners.loadForRecompute(partnerId);
  if (!loaded) return { outcome: 'missing' };
  const summary = toScoreSummary(toScoreDocument(scorePartner(loaded.facts, ruleSetFor(day), day)));
  // Designations change only on some days; the partner document is written only then.
  const qualifies = qualifiesByArea(summary);
  // The three Azure areas share one track (2025-07 on); before that there is none to record.
  const track = summary.areas.infrastructure.track;
  const before = loaded.membership;
  const first = firstRenewalOn(before, qualifies, day, track, renewalRules);
  // One partner write: the designations, the anniversary and, with them, the first renewal applied.
  // It goes first so that a fee is never recorded for an anniversary the partner does not end up with.
  const { events, membership } = await partners.changeMembership(partnerId, (m) => applyDay(m, qualifies, day, track, first), loaded.read);
  // Only when the partner now stands renewed at its first anniversary, this day, is the record due
  // (a concurrent recompute of another day may have set another anniversary: then it is not).
  if (membership.anniversary === day && membership.lastRenewal === day) {
    if (first) {
      // Created if absent, with no read first: if a twin recompute or a renewal message got there first, theirs stays and nothing is charged twice.
      await renewals.commitRenewal(partnerId, day, first, day, ports.now(), undefined);
    } else if (before.lastRenewal === day) {
      // A repeat of the first day (a redelivered message, a data change): the membership follows a
      // record that a recompute stopped after its partner write may never have written; write it now.
      const doc = await renewals.get(partnerId, day);
      const plan = doc?.record ? undefined : planRenewal(before, [{ day, qualifies }], day, undefined, renewalRules);
      if (plan) await renewals.commitRenewal(partnerId, day, plan, day, ports.now(), doc);
    }
  }
  const outcome = await partners.saveSnapshot(summary, ports.now(), mode);
  return { outcome, events, qualifies };
}
