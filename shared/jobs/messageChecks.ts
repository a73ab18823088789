import type { z } from 'zod';
import type { RenewalTerms } from '../../rules/lifecycleSchema.js';
import { plusDays } from '../lifecycle/anniversary.js';
import { stepDay } from '../lifecycle/schedule.js';
import { describeIssues } from '../model/issues.js';
import { RecomputeMessage, RenewalMessage } from '../model/jobs.js';

/** A queue message checked before anything is done with it: one that can never succeed says why, and goes to the poison queue at once. */
export type Checked<T> = { ok: true; message: T } | { ok: false; reason: string };

/** Why a message that parses can still never succeed, or undefined if it can. */
export type Refusal<M> = (message: M) => string | undefined;

/** The queue messages' schemas, named (`description`) for the reason a message that does not parse is poisoned with. */
export const QUEUE_MESSAGES = {
  recompute: RecomputeMessage.describe('a recompute message'),
  renewal: RenewalMessage.describe('a renewal message'),
};

/** The first day any rule set scores (2022-10-03): a day before it can never be scored. */
export const FIRST_SCORED_DAY = '2022-10-03';

/** The latest day a message may be as of: tomorrow (UTC, or the local replay clock if later), for a message queued just before midnight. */
export const latestDayFrom = (today: string): string => plusDays(today, 1);

function checkDay(asOf: string | undefined, latest: string): string | undefined {
  if (asOf === undefined) return undefined;
  if (asOf < FIRST_SCORED_DAY) return `asOf ${asOf} is before ${FIRST_SCORED_DAY}, when scoring starts`;
  if (asOf > latest) return `asOf ${asOf} is in the future (after ${latest})`;
  return undefined;
}

/** The opening every queue handler shares: the message parsed by its schema, its day (`asOf`, if it has one) within what can be scored, then what else `refuse` says. */
export function checkMessage<M extends object>(schema: z.ZodType<M>, raw: unknown, latest: string, refuse?: Refusal<M>): Checked<M> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `not ${schema.description ?? 'a valid message'}: ${describeIssues(parsed.error)}` };
  const { data } = parsed;
  const asOf = 'asOf' in data && typeof data.asOf === 'string' ? data.asOf : undefined;
  const wrong = checkDay(asOf, latest) ?? refuse?.(data);
  return wrong ? { ok: false, reason: wrong } : { ok: true, message: data };
}

/** A renewal step runs on its own day only: the preview before A, the renewal on A, the fee check after it. */
export function wrongStepDay({ anniversary, step, asOf }: RenewalMessage, terms: RenewalTerms): string | undefined {
  const due = stepDay(anniversary, step, terms);
  return asOf === due ? undefined : `the ${step} step of the anniversary ${anniversary} runs on ${due}, not ${asOf}`;
}
