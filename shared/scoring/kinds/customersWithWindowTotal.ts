import { isEligibleIn, monthAt } from '../context.js';
import { describeMeasure, describeThreshold, meets, readerFor } from '../measure.js';
import { key } from '../window.js';
import { customersInScope, type Contributor, type PartEvaluator } from './types.js';

/** Customers whose measure summed over the eligible months of T meets the threshold. */
export const customersWithWindowTotal: PartEvaluator<'customersWithWindowTotal'> = (part, ctx, scope) => {
  const { window } = ctx;
  const read = readerFor(part.measure);
  const contributors: Contributor[] = [];
  for (const customer of customersInScope(ctx, scope)) {
    let total = 0;
    let counted = 0;
    const months: Record<string, number> = {};
    for (let m = window.trailingStart; m <= window.evaluationMonth; m++) {
      if (!isEligibleIn(customer, window, m, scope.mask)) continue;
      counted++;
      const value = read(monthAt(customer, window, m));
      total += value;
      if (value !== 0) months[key(m)] = value;
    }
    if (counted === 0 || !meets(part.threshold, total)) continue;
    contributors.push({
      type: 'customer',
      id: customer.customerId,
      contribution: 1,
      months,
      note: `${describeMeasure(part.measure)} totals ${total} ${describeThreshold(part.threshold)} over ${key(window.trailingStart)}..${key(window.evaluationMonth)}`,
    });
  }
  return { value: contributors.length, contributors };
};
