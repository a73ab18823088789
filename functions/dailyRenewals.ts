import { renewalTerms } from '../rules/index.js';
import { fanOutRenewals } from '../shared/jobs/renewalFanOut.js';
import { enqueueRenewal } from '../shared/queue/queues.js';
import { jobCheckpoints } from '../shared/store/jobCheckpoints.js';
import { partnerStore } from '../shared/store/partnerStore.js';
import { withRetry } from '../shared/store/retry.js';
import { jobDay } from './edge/dailyJobInput.js';
import { registerTimer } from './edge/registry.js';

registerTimer({
  name: 'dailyRenewals',
  // 06:00 UTC, after the nightly recompute's fan-out (02:00); a renewal scores its own day anyway if the nightly has not got there.
  schedule: '0 0 6 * * *',
  handler: async (_timer, context) => {
    const day = jobDay(context);
    const store = partnerStore();
    const result = await fanOutRenewals(day, renewalTerms, {
      partnersWithAnniversaryOn: (monthDays, limit, continuation) => withRetry(() => store.listings.partnersWithAnniversaryOn(monthDays, limit, continuation)),
      send: (message) => withRetry(() => enqueueRenewal(message)),
      checkpoint: (d) => withRetry(() => jobCheckpoints().get('renewals', d)),
      saveCheckpoint: (checkpoint) => withRetry(() => jobCheckpoints().save('renewals', checkpoint)),
      now: () => new Date().toISOString(),
    });
    if (result.alreadyDone) context.log(`daily renewals for ${day}: already queued`);
    else context.log(`daily renewals for ${day}: queued ${result.queued} steps${result.resumed ? ' (resumed from the checkpoint)' : ''}`);
  },
});
