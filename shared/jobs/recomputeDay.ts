import { ruleSetFor } from '../../rules/index.js';
import type { LifecycleEvent } from '../lifecycle/membership.js';
import type { SolutionArea } from '../model/primitives.js';
import { scorePartner, toScoreDocument, toScoreSummary } from '../scoring/index.js';
import type { PartnerStore } from '../store/partnerStore.js';
import { withRetry } from '../store/retry.js';

export type RecomputeOutcome = { outcome: 'missing' } | { outcome: 'written' | 'existed'; events: LifecycleEvent[]; qualifies: Record<SolutionArea, boolean> };

/**
 * Scores a partner as of a day, applies the day to its designations, and stores the day's
 * snapshot: once a day (`ifAbsent`, the nightly run) or replacing it (a data change).
 */
export async function recomputeDay(store: PartnerStore, partnerId: string, day: string, mode: 'replace' | 'ifAbsent'): Promise<RecomputeOutcome> {
  const loaded = await withRetry(() => store.loadForRecompute(partnerId));
  if (!loaded) return { outcome: 'missing' };
  const summary = toScoreSummary(toScoreDocument(scorePartner(loaded.facts, ruleSetFor(day), day)));
  // Designations change only on some days; the partner document is written only then.
  const qualifies = Object.fromEntries(Object.entries(summary.areas).map(([area, result]) => [area, result.qualifies])) as Record<SolutionArea, boolean>;
  // The three Azure areas share one track (2025-07 on); before that there is none to record.
  const events = await withRetry(() => store.recordLifecycleDay(partnerId, qualifies, day, loaded.partner, summary.areas.infrastructure.track));
  const outcome = await withRetry(() => store.saveSnapshot(summary, new Date().toISOString(), mode));
  return { outcome, events, qualifies };
}
