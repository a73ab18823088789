import type { RenewalTerms } from '../../rules/lifecycleSchema.js';
import { plusDays } from '../lifecycle/anniversary.js';
import { stepDay } from '../lifecycle/schedule.js';
import { describeIssues } from '../model/issues.js';
import { RecomputeMessage, RenewalMessage } from '../model/jobs.js';

/** A queue message checked before anything is done with it: one that can never succeed says why, and goes to the poison queue at once. */
export type Checked<T> = { ok: true; message: T } | { ok: false; reason: string };

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

export function checkRecomputeMessage(raw: unknown, latest: string): Checked<RecomputeMessage> {
  const parsed = RecomputeMessage.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `not a recompute message: ${describeIssues(parsed.error)}` };
  const wrongDay = checkDay(parsed.data.asOf, latest);
  return wrongDay ? { ok: false, reason: wrongDay } : { ok: true, message: parsed.data };
}

/** A renewal step runs on its own day only: the preview before A, the renewal on A, the fee check after it. */
export function checkRenewalMessage(raw: unknown, latest: string, terms: RenewalTerms): Checked<RenewalMessage> {
  const parsed = RenewalMessage.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `not a renewal message: ${describeIssues(parsed.error)}` };
  const { anniversary, step, asOf } = parsed.data;
  const wrongDay = checkDay(asOf, latest);
  if (wrongDay) return { ok: false, reason: wrongDay };
  const due = stepDay(anniversary, step, terms);
  if (asOf !== due) return { ok: false, reason: `the ${step} step of the anniversary ${anniversary} runs on ${due}, not ${asOf}` };
  return { ok: true, message: parsed.data };
}
