import type { InvocationContextT } from './runtime.js';
import { adapters } from './composition.js';

/**
 * After a data write: one recompute message for the partner (a bulk upload sends one, not one per
 * row). The write has landed either way; should the queue be unreachable, tonight's run catches up.
 */
export async function recomputeAfterWrite(partnerId: string, context: InvocationContextT): Promise<void> {
  try {
    await adapters().queues.enqueueRecompute({ partnerId, reason: 'data-changed' });
  } catch (error) {
    context.error(`could not queue a recompute of ${partnerId}; the nightly run will pick it up`, error);
  }
}
