import { runRenewalStep } from '../shared/jobs/renewalStep.js';
import { describeIssues } from '../shared/model/issues.js';
import { RenewalMessage } from '../shared/model/jobs.js';
import { RENEWAL_QUEUE } from '../shared/queue/queues.js';
import { partnerStore } from '../shared/store/partnerStore.js';
import { renewalStore } from '../shared/store/renewalStore.js';
import { registerQueue } from './registry.js';

registerQueue({
  name: 'renewPartner',
  queueName: RENEWAL_QUEUE,
  connection: 'AzureWebJobsStorage',
  // Idempotent per (partner, anniversary, step): the renewal document is written once, on its ETag.
  handler: async (raw, context) => {
    const parsed = RenewalMessage.safeParse(raw);
    if (!parsed.success) throw new Error(`not a renewal message: ${describeIssues(parsed.error)}`);
    const { summary, events } = await runRenewalStep(parsed.data, { partners: partnerStore(), renewals: renewalStore(), now: () => new Date().toISOString() });
    for (const event of events) context.log(`partner ${parsed.data.partnerId}: ${JSON.stringify(event)}`);
    context.log(`${parsed.data.step} ${parsed.data.partnerId} ${parsed.data.anniversary}: ${summary}`);
  },
});
