import { baselineMonthOf, isEligibleIn, monthAt } from '../context.js';
import { describeMeasure, describeThreshold, meets, readerFor } from '../measure.js';
import { key } from '../window.js';
import { customersInScope, type Contributor, type PartEvaluator } from './types.js';

/**
 * Customers meeting the threshold in M minus those meeting it at their baseline month,
 * over customers eligible in M: each adds +1, 0 or −1.
 */
export const netQualifyingCustomers: PartEvaluator<'netQualifyingCustomers'> = (part, ctx, scope) => {
  const { window } = ctx;
  const read = readerFor(part.measure);
  const M = window.evaluationMonth;
  const contributors: Contributor[] = [];
  let value = 0;
  for (const customer of customersInScope(ctx, scope)) {
    if (!isEligibleIn(customer, window, M, scope.mask)) continue;
    const baseline = baselineMonthOf(customer, window, scope.mask)!;
    const now = read(monthAt(customer, window, M));
    const then = read(monthAt(customer, window, baseline));
    const contribution = (meets(part.threshold, now) ? 1 : 0) - (meets(part.threshold, then) ? 1 : 0);
    if (contribution === 0) continue;
    value += contribution;
    contributors.push({
      type: 'customer',
      id: customer.customerId,
      contribution,
      months: { [key(baseline)]: then, [key(M)]: now },
      note: `${describeMeasure(part.measure)} ${describeThreshold(part.threshold)} ${contribution > 0 ? `in ${key(M)}, not at baseline ${key(baseline)}` : `at baseline ${key(baseline)}, not in ${key(M)}`}`,
    });
  }
  return { value, contributors };
};
