import { isEligibleIn, monthAt } from '../context.js';
import { describeMeasure, describeThreshold, meets, readerFor } from '../measure.js';
import { nameOf } from '../window.js';
import { customersInScope, type Contributor, type PartEvaluator } from './types.js';

/** Customers eligible in M whose measure in M meets the threshold. */
export const customersQualifyingInMonth: PartEvaluator<'customersQualifyingInMonth'> = (part, ctx, scope) => {
  const { window } = ctx;
  const read = readerFor(part.measure);
  const M = window.evaluationMonth;
  const contributors: Contributor[] = [];
  for (const customer of customersInScope(ctx, scope)) {
    if (!isEligibleIn(customer, window, M, scope.mask)) continue;
    const now = read(monthAt(customer, window, M));
    if (!meets(part.threshold, now)) continue;
    contributors.push({
      type: 'customer',
      id: customer.customerId,
      contribution: 1,
      months: [{ month: nameOf(window, M), value: now }],
      note: `${describeMeasure(part.measure)} ${now} ${describeThreshold(part.threshold)} in ${nameOf(window, M)}`,
    });
  }
  return { value: contributors.length, contributors };
};
