import { conditionHolds } from '../conditions.js';
import { baselineMonthOf, isEligibleIn } from '../preparedCustomer.js';
import { describeMeasure, describeThreshold, meets, readerFor, valueIn } from '../measure.js';
import { round4 } from '../points.js';
import { nameOf } from '../window.js';
import { customersInScope, type Contributor, type PartEvaluator } from './types.js';

/**
 * Customers eligible in M whose measure met `atBaseline` at their baseline month and then met
 * `after`: in M, or in any eligible month of T after the baseline; optionally only customers of a class in M.
 */
export const customersCrossing: PartEvaluator<'customersCrossing'> = (part, ctx, scope) => {
  const { window } = ctx;
  const read = readerFor(part.measure);
  const M = window.evaluationMonth;
  const contributors: Contributor[] = [];
  for (const customer of customersInScope(ctx, scope)) {
    if (!isEligibleIn(customer, window, M, scope.mask)) continue;
    if (part.customerClass && !conditionHolds(customer, window, M, part.customerClass, scope.mask)) continue;
    const baseline = baselineMonthOf(customer, window, scope.mask)!;
    const before = valueIn(read, customer, window, baseline);
    if (!meets(part.atBaseline, before)) continue;
    const firstAfter = Math.max(baseline + 1, part.afterIn === 'evaluationMonth' ? M : window.trailingStart);
    let crossedIn: number | undefined;
    for (let m = firstAfter; m <= M && crossedIn === undefined; m++) {
      if (isEligibleIn(customer, window, m, scope.mask) && meets(part.after, valueIn(read, customer, window, m))) crossedIn = m;
    }
    if (crossedIn === undefined) continue;
    const after = valueIn(read, customer, window, crossedIn);
    contributors.push({
      type: 'customer',
      id: customer.customerId,
      contribution: 1,
      months: [
        { month: nameOf(window, baseline), value: before },
        { month: nameOf(window, crossedIn), value: after },
      ],
      note: `${describeMeasure(part.measure)} ${round4(before)} (${describeThreshold(part.atBaseline)}) at baseline ${nameOf(window, baseline)}, ${round4(after)} (${describeThreshold(part.after)}) in ${nameOf(window, crossedIn)}`,
    });
  }
  return { value: contributors.length, contributors };
};
