import { conditionHolds, describeCondition } from '../conditions.js';
import { baselineMonthOf, isEligibleIn } from '../preparedCustomer.js';
import { describeMeasure, readerFor, valueIn } from '../measure.js';
import { nameOf } from '../window.js';
import { baselineAndNow, customersInScope, type Contributor, type PartEvaluator } from './types.js';
import { cents, fromCents } from '../../money.js';

/**
 * Sum over customers eligible in M (and in the part's customer class in M) of (value in M − value
 * at the baseline month), absolute or as a percentage of the baseline sum (0 when the baseline sum
 * is 0 or below minBaseline, or when the measure over T totals less than minTrailingTotal).
 */
export const growth: PartEvaluator<'growth'> = (part, ctx, scope) => {
  const { window } = ctx;
  const read = readerFor(part.measure);
  const M = window.evaluationMonth;
  const contributors: Contributor[] = [];
  let baselineSum = 0;
  let trailingCents = 0;
  for (const customer of customersInScope(ctx, scope)) {
    if (part.minTrailingTotal !== undefined) {
      for (let m = window.trailingStart; m <= M; m++)
        if (isEligibleIn(customer, window, m, scope.mask)) trailingCents += cents(valueIn(read, customer, window, m));
    }
    if (!isEligibleIn(customer, window, M, scope.mask)) continue;
    if (part.customerClass && !conditionHolds(customer, window, M, part.customerClass, scope.mask)) continue;
    const baseline = baselineMonthOf(customer, window, scope.mask)!;
    const before = valueIn(read, customer, window, baseline);
    const now = valueIn(read, customer, window, M);
    baselineSum += before;
    if (before === 0 && now === 0) continue;
    contributors.push({
      type: 'customer',
      id: customer.customerId,
      contribution: now - before,
      months: baselineAndNow(window, baseline, before, now),
      note: '',
    });
  }
  const percent = part.as === 'percent';
  const trailingTotal = fromCents(trailingCents);
  const enoughTrailing = part.minTrailingTotal === undefined || trailingTotal >= part.minTrailingTotal;
  const counts = enoughTrailing && (!percent || (baselineSum > 0 && baselineSum >= (part.minBaseline ?? 0)));
  // The values are in `months`; the note says what they are without formatting them again.
  const classNote = part.customerClass ? `; customers with ${describeCondition(part.customerClass)} in ${nameOf(window, M)}` : '';
  const trailingNote = enoughTrailing
    ? ''
    : `; earns nothing: the measure totals ${trailingTotal} over ${nameOf(window, window.trailingStart)}..${nameOf(window, M)}, below ${part.minTrailingTotal}`;
  const note = `${describeMeasure(part.measure)} at the baseline month and in ${nameOf(window, M)}${percent ? `, as a share of the baseline sum ${baselineSum}` : ''}${classNote}${trailingNote}`;
  const scale = !counts ? 0 : percent ? 100 / baselineSum : 1;
  let value = 0;
  for (const c of contributors) {
    c.contribution *= scale;
    c.note = note;
    value += c.contribution;
  }
  return { value, contributors };
};
