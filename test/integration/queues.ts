import type { RecomputeMessage } from '../../shared/model/jobs.js';
import { adapters } from '../../functions/edge/composition.js';

// The tests reach the queues as the app does: through the composition root, on the settings the host set.
export const queue = (name: string) => adapters().queues.queue(name);
export const enqueueRecompute = (message: RecomputeMessage) => adapters().queues.enqueueRecompute(message);
