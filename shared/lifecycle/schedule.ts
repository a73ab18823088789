import type { RenewalTerms } from '../../rules/lifecycleSchema.js';
import type { IsoDate } from '../dates.js';
import { RENEWAL_STEPS, type RenewalStep } from '../model/lifecycle.js';
import { anniversaryIn, isLeapYear, plusDays } from './anniversary.js';

export interface DueStep {
  step: RenewalStep;
  anniversary: IsoDate;
}

/** Days from the anniversary A at which each step runs: the preview before, the renewal on A, the fee check after. */
const offsetDays = (step: RenewalStep, terms: RenewalTerms): number =>
  ({ preview: -terms.previewDaysBefore, renew: 0, feeDue: terms.feeDueDaysAfter })[step];

/** The day a step of the renewal at A runs: the preview (30 days before), A itself, the fee check (30 days after; a fee still unpaid then lapses what renewed). */
export const stepDay = (anniversaryDay: IsoDate, step: RenewalStep, terms: RenewalTerms): IsoDate =>
  plusDays(anniversaryDay, offsetDays(step, terms));

/**
 * The steps due on a day for a partner with this anniversary. The anniversary's own first
 * occurrence counts (a new member's first designation day is its first renewal, with its fee);
 * none before it.
 */
export function renewalStepsDue(anniversary: IsoDate, day: IsoDate, terms: RenewalTerms): DueStep[] {
  return RENEWAL_STEPS.flatMap((step) => {
    const A = plusDays(day, -offsetDays(step, terms));
    return anniversaryIn(anniversary, Number(A.slice(0, 4))) === A && A >= anniversary ? [{ step, anniversary: A }] : [];
  });
}

/**
 * The anniversaries, as month-days, that have a step due on a day: what the daily job selects
 * partners by. On 28 February of a year without a 29th, partners of 29 February are due too.
 */
export function monthDaysDue(day: IsoDate, terms: RenewalTerms): string[] {
  const due = new Set<string>();
  for (const step of RENEWAL_STEPS) {
    const A = plusDays(day, -offsetDays(step, terms));
    due.add(A.slice(5));
    if (A.slice(5) === '02-28' && !isLeapYear(Number(A.slice(0, 4)))) due.add('02-29');
  }
  return [...due].sort();
}
