import type { CustomerCondition, Measure, Threshold } from '../../rules/schema.js';
import { SOLUTION_AREAS } from '../model/primitives.js';
import { ensureMonthsFrom, MONTH_STRIDE, numbersAt, type PreparedCustomer } from './preparedCustomer.js';
import { describeMeasure, describeThreshold, isAbove, meets, readerFor } from './measure.js';
import type { ScoringWindow } from './window.js';
import { cents, fromCents } from '../money.js';

export type Over = CustomerCondition['over'];

/**
 * A customer's measure at month m: that month's value, or the sum over the 12 months ending at m
 * counting only months with an eligible association (in whole cents, so money sums are exact).
 */
export function measureAt(
  customer: PreparedCustomer,
  window: ScoringWindow,
  m: number,
  measure: Measure,
  over: Over,
  mask: number,
): number {
  if (over === 'month') return readerFor(measure)(customer.numbers, numbersAt(customer, window, m));
  const length = window.monthNames.length;
  // Months [start, end) of the history, clamped to it: those before it have no data.
  const end = Math.min(Math.max(m - window.historyStart + 1, 0), length);
  const start = Math.min(Math.max(m - 11 - window.historyStart, 0), end);
  const sums = centsFrom(customer, window, measure, mask, start);
  const offset = customer.index * (length + 1);
  return fromCents(sums[offset + start]! - sums[offset + end]!);
}

// Sums of eligible cents per customer, keyed by measure and mask as one small integer, so the paths
// and parts that read the same measure share them: a 12-month total is one subtraction.
const measureIds = new WeakMap<Measure, number>();
const FIELDS: readonly Measure['field'][] = ['azureAcr', 'paidSeats', 'activeUsers', 'protectedUsers'];
const AREAS: readonly (Measure['area'] | undefined)[] = [undefined, ...SOLUTION_AREAS];

function measureId(measure: Measure): number {
  let id = measureIds.get(measure);
  if (id === undefined)
    measureIds.set(
      measure,
      (id = (FIELDS.indexOf(measure.field) * AREAS.length + AREAS.indexOf(measure.area)) * 2 + (measure.per ? 1 : 0)),
    );
  return id;
}

/**
 * Sums of eligible cents from month i to M (at customer.index × (months + 1) + i of the array returned), filled backwards
 * from M only as far as a total needs: most customers never need the oldest year, which only the
 * promotion grace at Y reads. One array per measure and mask for all of a partner's customers: an
 * array (and a map) per customer cost more to allocate than the sums took to add.
 */
function centsFrom(customer: PreparedCustomer, window: ScoringWindow, measure: Measure, mask: number, needed: number): Float64Array {
  const length = window.monthNames.length;
  const key = measureId(measure) * 16 + mask;
  const { runningSums } = customer.partner;
  let entry = runningSums.get(key);
  if (!entry) {
    const customers = customer.partner.customers;
    entry = { sums: new Float64Array(customers * (length + 1)), from: new Int16Array(customers).fill(length) };
    runningSums.set(key, entry);
  }
  const offset = customer.index * (length + 1);
  const from = entry.from[customer.index]!;
  if (from > needed) {
    const read = readerFor(measure);
    ensureMonthsFrom(customer, window, needed);
    const { numbers, base } = customer;
    const sums = entry.sums;
    for (let i = from - 1; i >= needed; i--) {
      const eligible = ((customer.associationMasks[i] ?? 0) & mask) !== 0;
      sums[offset + i] = sums[offset + i + 1]! + (eligible ? cents(read(numbers, base + i * MONTH_STRIDE)) : 0);
    }
    entry.from[customer.index] = needed;
  }
  return entry.sums;
}

/**
 * Whether the customer meets the threshold at m; one promoted past the upper bound still does when
 * its earlier value was within `promotedFrom` (any of the 12 months before, or 12 months before).
 */
export function holdsAt(
  customer: PreparedCustomer,
  window: ScoringWindow,
  m: number,
  measure: Measure,
  over: Over,
  threshold: Threshold,
  mask: number,
): boolean {
  const value = measureAt(customer, window, m, measure, over, mask);
  if (meets(threshold, value)) return true;
  const grace = threshold.promotedFrom;
  if (!grace || !isAbove(threshold, value)) return false;
  if (grace.lookback === 'twelveMonthsEarlier') return meets(grace.within, measureAt(customer, window, m - 12, measure, over, mask));
  for (let k = m - 12; k < m; k++) if (meets(grace.within, measureAt(customer, window, k, measure, over, mask))) return true;
  return false;
}

export function conditionHolds(
  customer: PreparedCustomer,
  window: ScoringWindow,
  m: number,
  condition: CustomerCondition,
  mask: number,
): boolean {
  return holdsAt(customer, window, m, condition.measure, condition.over, condition.threshold, mask);
}

const descriptions = new WeakMap<object, string>();

/** In words, once per condition of the rules. */
export function describeCondition(condition: { measure: Measure; over: Over; threshold: Threshold }): string {
  let text = descriptions.get(condition);
  if (text === undefined) descriptions.set(condition, (text = describe(condition)));
  return text;
}

function describe(condition: { measure: Measure; over: Over; threshold: Threshold }): string {
  const grace = condition.threshold.promotedFrom;
  const promoted = grace
    ? ` (or promoted past it, having been ${describeThreshold(grace.within)} ${grace.lookback === 'twelveMonthsEarlier' ? '12 months earlier' : 'in one of the 12 months before'})`
    : '';
  return `${describeMeasure(condition.measure)}${condition.over === 'trailingYear' ? ' over the 12 months ending then' : ''} ${describeThreshold(condition.threshold)}${promoted}`;
}
