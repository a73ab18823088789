import { isEligibleIn } from '../preparedCustomer.js';
import { describeMeasure, describeThreshold, meets, readerFor, valueIn } from '../measure.js';
import { nameOf } from '../window.js';
import { customersInScope, type Contributor, type MonthValue, type PartEvaluator } from './types.js';
import { cents, fromCents } from '../../money.js';

/**
 * Customers whose monthly average over T meets the threshold, minus those whose average over the
 * 12 months before T did (SPEC §3.4); only months with an eligible association add to a sum, both
 * sums divide by 12. No association in M is needed: each window is counted on its own associations.
 */
export const averageCrossing: PartEvaluator<'averageCrossing'> = (part, ctx, scope) => {
  const { window } = ctx;
  const read = readerFor(part.measure);
  const contributors: Contributor[] = [];
  let value = 0;
  for (const customer of customersInScope(ctx, scope)) {
    let recent = 0;
    let earlier = 0;
    for (let m = window.historyStart; m <= window.evaluationMonth; m++) {
      if (!isEligibleIn(customer, window, m, scope.mask)) continue;
      // In whole cents, so twelve months of 100.00 average exactly 100.
      if (m >= window.trailingStart) recent += cents(valueIn(read, customer, window, m));
      else earlier += cents(valueIn(read, customer, window, m));
    }
    recent = fromCents(recent);
    earlier = fromCents(earlier);
    const contribution = (meets(part.threshold, recent / 12) ? 1 : 0) - (meets(part.threshold, earlier / 12) ? 1 : 0);
    if (contribution === 0) continue;
    value += contribution;
    const months: MonthValue[] = [];
    for (let m = window.historyStart; m <= window.evaluationMonth; m++) {
      const v = isEligibleIn(customer, window, m, scope.mask) ? valueIn(read, customer, window, m) : 0;
      if (v !== 0) months.push({ month: nameOf(window, m), value: v });
    }
    contributors.push({
      type: 'customer',
      id: customer.customerId,
      contribution,
      months,
      note: `${describeMeasure(part.measure)} averages ${recent / 12} a month over ${nameOf(window, window.trailingStart)}..${nameOf(window, window.evaluationMonth)} and ${earlier / 12} over the 12 months before (threshold ${describeThreshold(part.threshold)})`,
    });
  }
  return { value, contributors };
};
