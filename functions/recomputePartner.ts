import { today } from '../shared/clock.js';
import { recomputeDay } from '../shared/jobs/recomputeDay.js';
import { QUEUE_MESSAGES } from '../shared/jobs/messageChecks.js';
import { RECOMPUTE_QUEUE } from '../shared/queue/queues.js';
import { storeJobPorts } from './edge/jobPorts.js';
import { registerQueue } from './edge/registry.js';

registerQueue({
  name: 'recomputePartner',
  queueName: RECOMPUTE_QUEUE,
  connection: 'AzureWebJobsStorage',
  message: QUEUE_MESSAGES.recompute,
  // Idempotent: the day's snapshot has a fixed id, so a repeat or a concurrent twin leaves one document;
  // a new member's first renewal record is created once, whoever gets there first.
  handler: async ({ partnerId, reason, asOf }, context) => {
    const day = asOf ?? today();
    // The nightly run keeps a snapshot already made that day; a data change replaces it.
    const result = await recomputeDay(storeJobPorts(), partnerId, day, reason === 'nightly' ? 'ifAbsent' : 'replace');
    if (result.outcome === 'missing') return context.warn(`partner ${partnerId} does not exist (any more); nothing to recompute`);
    for (const event of result.events) context.log(`partner ${partnerId}: ${JSON.stringify(event)}`);
    if (result.outcome === 'existed') return context.log(`partner ${partnerId} already recomputed for ${day}`);
    context.log(`recomputed ${partnerId} as of ${day} (${reason})`);
  },
});
