import { runRenewalStep } from '../shared/jobs/renewalStep.js';
import { renewalTerms } from '../rules/index.js';
import { QUEUE_MESSAGES, wrongStepDay } from '../shared/jobs/messageChecks.js';
import { RENEWAL_QUEUE } from '../shared/queue/queues.js';
import { storeJobPorts } from './edge/jobPorts.js';
import { registerQueue } from './edge/registry.js';

registerQueue({
  name: 'renewPartner',
  queueName: RENEWAL_QUEUE,
  connection: 'AzureWebJobsStorage',
  message: QUEUE_MESSAGES.renewal,
  refuse: (message) => wrongStepDay(message, renewalTerms),
  // Idempotent per (partner, anniversary, step): the renewal document is written once, on its ETag.
  handler: async (message, context) => {
    const outcome = await runRenewalStep(message, storeJobPorts());
    if (outcome.neverSucceeds) return { neverSucceeds: outcome.summary };
    for (const event of outcome.events) context.log(`partner ${message.partnerId}: ${JSON.stringify(event)}`);
    context.log(`${message.step} ${message.partnerId} ${message.anniversary}: ${outcome.summary}`);
  },
});
