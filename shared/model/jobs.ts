import { z } from 'zod';
import { Identifier, IsoDate } from './primitives.js';

/** A recompute request on the queue: nightly runs skip a partner already done that day; data changes never do. */
export const RecomputeMessage = z.strictObject({
  partnerId: Identifier,
  reason: z.enum(['nightly', 'data-changed', 'requested']),
  /** The day to score as of; today (UTC) when absent. */
  asOf: IsoDate.optional(),
});
export type RecomputeMessage = z.infer<typeof RecomputeMessage>;

/** What the admin endpoint may pass to a daily job: the day to run as of. */
export const DailyJobInput = z.strictObject({ asOf: IsoDate.optional() }).default({});

export const HistoryQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() });
