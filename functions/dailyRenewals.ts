import { renewalTerms } from '../rules/index.js';
import { fanOutRenewals } from '../shared/jobs/renewalFanOut.js';
import { withRetry } from '../shared/store/retry.js';
import { jobDay } from './edge/dailyJobInput.js';
import { registerTimer } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerTimer({
  name: 'dailyRenewals',
  // 06:00 UTC, after the nightly recompute's fan-out (02:00); a renewal scores its own day anyway if the nightly has not got there.
  schedule: '0 0 6 * * *',
  handler: async (_timer, context) => {
    const day = jobDay(context);
    const store = adapters().partners;
    const result = await fanOutRenewals(day, renewalTerms, {
      partnersWithAnniversaryOn: (monthDays, limit, continuation) =>
        withRetry(() => store.listings.partnersWithAnniversaryOn(monthDays, limit, continuation)),
      send: (message) => withRetry(() => adapters().queues.enqueueRenewal(message)),
      checkpoint: (d) => withRetry(() => adapters().checkpoints.get('renewals', d)),
      saveCheckpoint: (checkpoint) => withRetry(() => adapters().checkpoints.save('renewals', checkpoint)),
      now: () => new Date().toISOString(),
    });
    if (result.alreadyDone) context.log(`daily renewals for ${day}: already queued`);
    else context.log(`daily renewals for ${day}: queued ${result.queued} steps${result.resumed ? ' (resumed from the checkpoint)' : ''}`);
  },
});
