import type { QueueRegistration } from '../functions/edge/registry.js';
import type { PolledQueue, ReceivedMessage } from '../shared/queue/polled.js';
import { decodeMessage } from '../shared/queue/queues.js';
import type { QueueSettings } from './hostJson.js';
import { invocationContext, type Log } from './invoke.js';

export interface RunningQueueTriggers {
  stop(): Promise<void>;
}

// How long a message stays invisible while its function runs (the host renews; we give the function
// time): also how long a message taken by a host that died waits before another host sees it.
export const PROCESSING_LEASE_SECONDS = 600;

function decode(text: string, encoding: QueueSettings['messageEncoding']): unknown {
  return decodeMessage(encoding === 'base64' ? text : Buffer.from(text).toString('base64'));
}

/**
 * Polls each trigger's queue like the Functions host: up to batchSize messages at a time, base64
 * JSON bodies, dequeueCount in the trigger metadata, a failed message visible again after
 * visibilityTimeout, and after maxDequeueCount failed attempts moved to `<queue>-poison`.
 */
export function startQueueTriggers(
  triggers: readonly QueueRegistration[],
  queueFor: (name: string) => PolledQueue,
  settings: QueueSettings,
  log: Log,
  leaseSeconds = PROCESSING_LEASE_SECONDS,
): RunningQueueTriggers {
  let stopped = false;
  const loops = triggers.map(async (trigger) => {
    const source = queueFor(trigger.queueName);
    const poison = queueFor(`${trigger.queueName}-poison`);
    await source.createIfNotExists();
    await poison.createIfNotExists();
    let idle = 100;
    while (!stopped) {
      let messages: ReceivedMessage[];
      try {
        messages = await source.receive(settings.batchSize, leaseSeconds);
      } catch (error) {
        if (stopped) break;
        log(`[${trigger.name}] cannot read ${trigger.queueName}: ${(error as Error).message}`);
        await sleep(settings.maxPollingInterval);
        continue;
      }
      if (messages.length === 0) {
        // Back off exponentially while idle, up to maxPollingInterval, as the host does.
        await sleep(idle);
        idle = Math.min(idle * 2, settings.maxPollingInterval);
        continue;
      }
      idle = 100;
      await Promise.all(
        messages.map(async (message) => {
          const context = invocationContext(trigger.name, log, {
            id: message.id,
            dequeueCount: message.dequeueCount,
            insertionTime: message.insertedOn.toISOString(),
            expirationTime: message.expiresOn.toISOString(),
            popReceipt: message.popReceipt,
          });
          try {
            await trigger.handler(decode(message.text, settings.messageEncoding), context);
            await source.delete(message);
          } catch (error) {
            const reason = (error as Error).message ?? String(error);
            if (message.dequeueCount >= settings.maxDequeueCount) {
              await poison.sendText(message.text);
              await source.delete(message);
              log(
                `[${trigger.name}] message ${message.id} failed ${message.dequeueCount} times, moved to ${trigger.queueName}-poison: ${reason}`,
              );
            } else {
              await source.release(message, Math.round(settings.visibilityTimeout / 1000));
              log(
                `[${trigger.name}] message ${message.id} failed (attempt ${message.dequeueCount} of ${settings.maxDequeueCount}): ${reason}`,
              );
            }
          }
        }),
      );
    }
  });
  return {
    async stop() {
      stopped = true;
      await Promise.allSettled(loops);
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
