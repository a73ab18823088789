import { baselineMonthOf, isEligibleIn, monthAt } from '../context.js';
import { describeMeasure, describeThreshold, meets, readerFor } from '../measure.js';
import { nameOf } from '../window.js';
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
  const rule = `${describeMeasure(part.measure)} ${describeThreshold(part.threshold)}`;
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
      months: baseline === M ? [{ month: nameOf(window, M), value: now }] : [{ month: nameOf(window, baseline), value: then }, { month: nameOf(window, M), value: now }],
      note: `${rule} ${contribution > 0 ? `in ${nameOf(window, M)}, not at baseline ${nameOf(window, baseline)}` : `at baseline ${nameOf(window, baseline)}, not in ${nameOf(window, M)}`}`,
    });
  }
  return { value, contributors };
};
