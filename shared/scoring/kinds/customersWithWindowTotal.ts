import { isEligibleIn } from '../preparedCustomer.js';
import { describeMeasure, describeThreshold, meets, readerFor, valueIn } from '../measure.js';
import { nameOf } from '../window.js';
import { customersInScope, type Contributor, type MonthValue, type PartEvaluator } from './types.js';
import { cents, fromCents } from '../../money.js';

/** Customers whose measure summed over the eligible months of T meets the threshold. */
export const customersWithWindowTotal: PartEvaluator<'customersWithWindowTotal'> = (part, ctx, scope) => {
  const { window } = ctx;
  const read = readerFor(part.measure);
  const contributors: Contributor[] = [];
  for (const customer of customersInScope(ctx, scope)) {
    let total = 0;
    let counted = 0;
    for (let m = window.trailingStart; m <= window.evaluationMonth; m++) {
      if (!isEligibleIn(customer, window, m, scope.mask)) continue;
      counted++;
      total += cents(valueIn(read, customer, window, m));
    }
    // Summed in whole cents: twelve months of 1,000.00 reach 12,000 exactly.
    total = fromCents(total);
    if (counted === 0 || !meets(part.threshold, total)) continue;
    const months: MonthValue[] = [];
    for (let m = window.trailingStart; m <= window.evaluationMonth; m++) {
      const v = isEligibleIn(customer, window, m, scope.mask) ? valueIn(read, customer, window, m) : 0;
      if (v !== 0) months.push({ month: nameOf(window, m), value: v });
    }
    contributors.push({
      type: 'customer',
      id: customer.customerId,
      contribution: 1,
      months,
      note: `${describeMeasure(part.measure)} totals ${total} ${describeThreshold(part.threshold)} over ${nameOf(window, window.trailingStart)}..${nameOf(window, window.evaluationMonth)}`,
    });
  }
  return { value: contributors.length, contributors };
};
