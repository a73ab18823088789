import { runRenewalStep } from '../shared/jobs/renewalStep.js';
import { renewalTerms } from '../rules/index.js';
import { checkRenewalMessage } from '../shared/jobs/messageChecks.js';
import { latestMessageDay, poison } from './edge/poison.js';
import { RENEWAL_QUEUE } from '../shared/queue/queues.js';
import { storeJobPorts } from './edge/jobPorts.js';
import { registerQueue } from './edge/registry.js';

registerQueue({
  name: 'renewPartner',
  queueName: RENEWAL_QUEUE,
  connection: 'AzureWebJobsStorage',
  // Idempotent per (partner, anniversary, step): the renewal document is written once, on its ETag.
  handler: async (raw, context) => {
    // Checked before anything is read or written: what can never succeed is poisoned at once.
    const checked = checkRenewalMessage(raw, latestMessageDay(), renewalTerms);
    if (!checked.ok) return poison(RENEWAL_QUEUE, raw, checked.reason, context);
    const message = checked.message;
    const outcome = await runRenewalStep(message, storeJobPorts());
    if (outcome.neverSucceeds) return poison(RENEWAL_QUEUE, raw, outcome.summary, context);
    for (const event of outcome.events) context.log(`partner ${message.partnerId}: ${JSON.stringify(event)}`);
    context.log(`${message.step} ${message.partnerId} ${message.anniversary}: ${outcome.summary}`);
  },
});
