import { baselineMonthOf, isEligibleIn, monthAt } from '../context.js';
import { describeMeasure, readerFor } from '../measure.js';
import { nameOf } from '../window.js';
import { customersInScope, type Contributor, type PartEvaluator } from './types.js';

/**
 * Sum over customers eligible in M of (value in M − value at the baseline month), either
 * absolute or as a percentage of the baseline sum (0 when the baseline sum is 0 or below minBaseline).
 */
export const growth: PartEvaluator<'growth'> = (part, ctx, scope) => {
  const { window } = ctx;
  const read = readerFor(part.measure);
  const M = window.evaluationMonth;
  const contributors: Contributor[] = [];
  let baselineSum = 0;
  for (const customer of customersInScope(ctx, scope)) {
    if (!isEligibleIn(customer, window, M, scope.mask)) continue;
    const baseline = baselineMonthOf(customer, window, scope.mask)!;
    const before = read(monthAt(customer, window, baseline));
    const now = read(monthAt(customer, window, M));
    baselineSum += before;
    if (before === 0 && now === 0) continue;
    const months = baseline === M ? [{ month: nameOf(window, M), value: now }] : [{ month: nameOf(window, baseline), value: before }, { month: nameOf(window, M), value: now }];
    contributors.push({ type: 'customer', id: customer.customerId, contribution: now - before, months, note: '' });
  }
  const percent = part.as === 'percent';
  const counts = !percent || (baselineSum > 0 && baselineSum >= (part.minBaseline ?? 0));
  // The values are in `months`; the note says what they are without formatting them again.
  const note = `${describeMeasure(part.measure)} at the baseline month and in ${nameOf(window, M)}${percent ? `, as a share of the baseline sum ${baselineSum}` : ''}`;
  const scale = percent ? (counts ? 100 / baselineSum : 0) : 1;
  let value = 0;
  for (const c of contributors) {
    c.contribution *= scale;
    c.note = note;
    value += c.contribution;
  }
  return { value, contributors };
};
