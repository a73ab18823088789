import type { CustomerCondition, Measure, Threshold } from '../../rules/schema.js';
import { isEligibleIn, monthAt, type PreparedCustomer } from './context.js';
import { describeMeasure, describeThreshold, isAbove, meets, readerFor } from './measure.js';
import type { ScoringWindow } from './window.js';

export type Over = CustomerCondition['over'];

/**
 * A customer's measure at month m: that month's value, or the sum over the 12 months ending at m
 * counting only months with an eligible association (in whole cents, so money sums are exact).
 */
export function measureAt(customer: PreparedCustomer, window: ScoringWindow, m: number, measure: Measure, over: Over, mask: number): number {
  const read = readerFor(measure);
  if (over === 'month') return read(monthAt(customer, window, m));
  let cents = 0;
  for (let k = m - 11; k <= m; k++) if (isEligibleIn(customer, window, k, mask)) cents += Math.round(read(monthAt(customer, window, k)) * 100);
  return cents / 100;
}

/**
 * Whether the customer meets the threshold at m; one promoted past the upper bound still does when
 * its earlier value was within `promotedFrom` (any of the 12 months before, or 12 months before).
 */
export function holdsAt(customer: PreparedCustomer, window: ScoringWindow, m: number, measure: Measure, over: Over, threshold: Threshold, mask: number): boolean {
  const value = measureAt(customer, window, m, measure, over, mask);
  if (meets(threshold, value)) return true;
  const grace = threshold.promotedFrom;
  if (!grace || !isAbove(threshold, value)) return false;
  if (grace.lookback === 'twelveMonthsEarlier') return meets(grace.within, measureAt(customer, window, m - 12, measure, over, mask));
  for (let k = m - 12; k < m; k++) if (meets(grace.within, measureAt(customer, window, k, measure, over, mask))) return true;
  return false;
}

export function conditionHolds(customer: PreparedCustomer, window: ScoringWindow, m: number, condition: CustomerCondition, mask: number): boolean {
  return holdsAt(customer, window, m, condition.measure, condition.over, condition.threshold, mask);
}

export function describeCondition(condition: { measure: Measure; over: Over; threshold: Threshold }): string {
  const grace = condition.threshold.promotedFrom;
  const promoted = grace
    ? ` (or promoted past it, having been ${describeThreshold(grace.within)} ${grace.lookback === 'twelveMonthsEarlier' ? '12 months earlier' : 'in one of the 12 months before'})`
    : '';
  return `${describeMeasure(condition.measure)}${condition.over === 'trailingYear' ? ' over the 12 months ending then' : ''} ${describeThreshold(condition.threshold)}${promoted}`;
}
