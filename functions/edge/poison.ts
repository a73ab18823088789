import { today, todayUtc } from '../../shared/clock.js';
import { badRequest } from './refusals.js';
import { latestDayFrom } from '../../shared/jobs/messageChecks.js';
import { sendToPoison } from '../../shared/queue/poison.js';
import { withRetry } from '../../shared/store/retry.js';
import type { InvocationContextT } from './runtime.js';
import { adapters } from './composition.js';

/** The latest day a queued message may be as of: tomorrow by the system clock, or by the local replay clock if that is later. */
export const latestMessageDay = (): string => latestDayFrom([today(), todayUtc()].sort().at(-1)!);

/**
 * A message that can never succeed: to `<queue>-poison` at once with the reason, logged; nothing
 * else is done with it. Given through the local host's admin endpoint instead, it is that call's
 * 400: there is no queue message to poison.
 */
export async function poison(queueName: string, raw: unknown, reason: string, context: InvocationContextT): Promise<void> {
  if (Object.hasOwn(context.triggerMetadata ?? {}, 'adminInput')) throw badRequest([{ path: 'input', message: reason }]);
  await withRetry(() => sendToPoison(adapters().queues, queueName, raw, reason, new Date().toISOString()));
  context.warn(`message moved to ${queueName}-poison at once, as it can never succeed: ${reason}`);
}
