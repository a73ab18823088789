import { z } from 'zod';
import { Identifier, IsoDate, KeyQuery } from './primitives.js';
import { RENEWAL_STEPS } from './lifecycle.js';

/** A recompute request on the queue: nightly runs skip a partner already done that day; data changes never do. */
export const RecomputeMessage = z.strictObject({
  partnerId: Identifier,
  reason: z.enum(['nightly', 'data-changed', 'requested']),
  /** The day to score as of; today (UTC) when absent. */
  asOf: IsoDate.optional(),
});
export type RecomputeMessage = z.infer<typeof RecomputeMessage>;

/** One renewal step for one partner and anniversary, as of a day: handled idempotently per (partner, anniversary, step). */
export const RenewalMessage = z.strictObject({
  partnerId: Identifier,
  anniversary: IsoDate,
  step: z.enum(RENEWAL_STEPS),
  asOf: IsoDate,
});
export type RenewalMessage = z.infer<typeof RenewalMessage>;

/** What the admin endpoint may pass to a daily job: the day to run as of. */
export const DailyJobInput = z.strictObject({ asOf: IsoDate.optional() }).default({});

export const HistoryQuery = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(400).default(100),
  continuation: z.string().max(4000).optional(),
  ...KeyQuery,
});
