import { fanOutRecompute } from '../shared/jobs/fanOut.js';
import { withRetry } from '../shared/store/retry.js';
import { jobDay } from './edge/dailyJobInput.js';
import { registerTimer } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerTimer({
  name: 'nightlyRecompute',
  // 02:00 UTC every day (NCRONTAB: second minute hour day month weekday).
  schedule: '0 0 2 * * *',
  handler: async (_timer, context) => {
    const day = jobDay(context);
    const store = adapters().partners;
    const result = await fanOutRecompute(day, {
      listPartnerIds: (limit, continuation) => withRetry(() => store.listings.listPartnerIds(limit, continuation)),
      send: (message) => withRetry(() => adapters().queues.enqueueRecompute(message)),
      checkpoint: (d) => withRetry(() => adapters().checkpoints.get('recompute', d)),
      saveCheckpoint: (checkpoint) => withRetry(() => adapters().checkpoints.save('recompute', checkpoint)),
      now: () => new Date().toISOString(),
    });
    if (result.alreadyDone) context.log(`nightly recompute for ${day}: already fanned out`);
    else
      context.log(
        `nightly recompute for ${day}: queued ${result.queued} partners${result.resumed ? ' (resumed from the checkpoint)' : ''}`,
      );
  },
});
