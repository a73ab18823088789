import { ruleSetFor } from '../rules/index.js';
import { todayUtc } from '../shared/dates.js';
import { describeIssues } from '../shared/model/issues.js';
import { RecomputeMessage } from '../shared/model/jobs.js';
import { RECOMPUTE_QUEUE } from '../shared/queue/queues.js';
import { scorePartner, toScoreDocument, toScoreSummary } from '../shared/scoring/index.js';
import { partnerStore } from '../shared/store/partnerStore.js';
import { withRetry } from '../shared/store/retry.js';
import { registerQueue } from './registry.js';
import type { SolutionArea } from '../shared/model/primitives.js';

registerQueue({
  name: 'recomputePartner',
  queueName: RECOMPUTE_QUEUE,
  connection: 'AzureWebJobsStorage',
  // Idempotent: the day's snapshot has a fixed id, so a repeat or a concurrent twin leaves one document.
  handler: async (raw, context) => {
    const parsed = RecomputeMessage.safeParse(raw);
    if (!parsed.success) throw new Error(`not a recompute message: ${describeIssues(parsed.error)}`);
    const { partnerId, reason } = parsed.data;
    const day = parsed.data.asOf ?? todayUtc();
    const store = partnerStore();
    const loaded = await withRetry(() => store.loadForRecompute(partnerId));
    if (!loaded) return context.warn(`partner ${partnerId} does not exist (any more); nothing to recompute`);
    const summary = toScoreSummary(toScoreDocument(scorePartner(loaded.facts, ruleSetFor(day), day)));
    // Designations change only on some days; the partner document is written only then.
    const qualifies = Object.fromEntries(Object.entries(summary.areas).map(([area, result]) => [area, result.qualifies])) as Record<SolutionArea, boolean>;
    const events = await withRetry(() => store.recordLifecycleDay(partnerId, qualifies, day, loaded.partner));
    for (const event of events) context.log(`partner ${partnerId}: ${JSON.stringify(event)}`);
    // The nightly run keeps a snapshot already made that day; a data change replaces it.
    const outcome = await withRetry(() => store.saveSnapshot(summary, new Date().toISOString(), reason === 'nightly' ? 'ifAbsent' : 'replace'));
    if (outcome === 'existed') return context.log(`partner ${partnerId} already recomputed for ${day}`);
    context.log(`recomputed ${partnerId} as of ${day} (${reason})`);
  },
});
