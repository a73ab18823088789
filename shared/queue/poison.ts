import { encodeMessage, type JobQueues } from './queues.js';

/** What a message that can never succeed becomes on `<queue>-poison`: the message as received, and why. */
export interface PoisonedMessage {
  message: unknown;
  reason: string;
  queue: string;
  poisonedAt: string;
}

/**
 * Moves a message straight to its queue's `-poison` twin, with the reason, instead of letting the
 * host retry it maxDequeueCount times first. The caller then returns normally and the host deletes
 * the original, in Azure as locally.
 */
export async function sendToPoison(queues: JobQueues, queueName: string, message: unknown, reason: string, now: string): Promise<void> {
  const poisoned: PoisonedMessage = { message, reason, queue: queueName, poisonedAt: now };
  await queues.queue(`${queueName}-poison`).sendMessage(encodeMessage(poisoned));
}
