import { baselineMonthOf, isEligibleIn, monthAt } from '../context.js';
import { describeMeasure, readerFor } from '../measure.js';
import { key } from '../window.js';
import { customersInScope, type Contributor, type PartEvaluator } from './types.js';

/**
 * Sum over customers eligible in M of (value in M − value at the baseline month), either
 * absolute or as a percentage of the baseline sum (0 when the baseline sum is 0 or below minBaseline).
 */
export const growth: PartEvaluator<'growth'> = (part, ctx, scope) => {
  const { window } = ctx;
  const read = readerFor(part.measure);
  const M = window.evaluationMonth;
  const rows: { id: string; baseline: number; before: number; now: number }[] = [];
  let baselineSum = 0;
  for (const customer of customersInScope(ctx, scope)) {
    if (!isEligibleIn(customer, window, M, scope.mask)) continue;
    const baseline = baselineMonthOf(customer, window, scope.mask)!;
    const row = { id: customer.customerId, baseline, before: read(monthAt(customer, window, baseline)), now: read(monthAt(customer, window, M)) };
    baselineSum += row.before;
    if (row.before !== 0 || row.now !== 0) rows.push(row);
  }
  const percent = part.as === 'percent';
  const counts = !percent || (baselineSum > 0 && baselineSum >= (part.minBaseline ?? 0));
  const scale = percent ? (counts ? 100 / baselineSum : 0) : 1;
  const what = describeMeasure(part.measure);
  const contributors: Contributor[] = rows.map((row) => ({
    type: 'customer',
    id: row.id,
    contribution: (row.now - row.before) * scale,
    months: { [key(row.baseline)]: row.before, [key(M)]: row.now },
    note: `${what} ${row.before} at baseline ${key(row.baseline)}, ${row.now} in ${key(M)}${percent ? ` (of a baseline sum of ${baselineSum})` : ''}`,
  }));
  const value = contributors.reduce((sum, c) => sum + c.contribution, 0);
  return { value, contributors };
};
