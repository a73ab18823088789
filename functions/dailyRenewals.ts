import pLimit from 'p-limit';
import { renewalTerms } from '../rules/index.js';
import { renewalStepsDue, monthDaysDue } from '../shared/lifecycle/schedule.js';
import { enqueueRenewal } from '../shared/queue/queues.js';
import { partnerStore } from '../shared/store/partnerStore.js';
import { withRetry } from '../shared/store/retry.js';
import { jobDay } from './dailyJobInput.js';
import { registerTimer } from './registry.js';

const PAGE_SIZE = 500;
const CONCURRENCY = 32;

registerTimer({
  name: 'dailyRenewals',
  // 06:00 UTC, after the nightly recompute's fan-out (02:00); a renewal scores its own day anyway if the nightly has not got there.
  schedule: '0 0 6 * * *',
  handler: async (_timer, context) => {
    const day = jobDay(context);
    const store = partnerStore();
    const limit = pLimit(CONCURRENCY);
    let continuation: string | undefined;
    let queued = 0;
    // A run repeated the same day queues the same steps again; each is idempotent per (partner, anniversary, step).
    do {
      const page = await withRetry(() => store.partnersWithAnniversaryOn(monthDaysDue(day, renewalTerms), PAGE_SIZE, continuation));
      const steps = page.items.flatMap(({ partnerId, anniversary }) => renewalStepsDue(anniversary, day, renewalTerms).map((due) => ({ partnerId, ...due, asOf: day })));
      await Promise.all(steps.map((message) => limit(() => withRetry(() => enqueueRenewal(message)))));
      queued += steps.length;
      continuation = page.continuation;
    } while (continuation !== undefined);
    context.log(`daily renewals for ${day}: queued ${queued} steps`);
  },
});
