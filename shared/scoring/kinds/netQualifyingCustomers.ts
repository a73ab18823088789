import { isEligibleIn, monthAt } from '../context.js';
import { describeMeasure, describeThreshold, meets, readerFor } from '../measure.js';
import { nameOf } from '../window.js';
import { customersInScope, type Contributor, type PartEvaluator } from './types.js';

/**
 * Seed 003's "(前月対象顧客 − 前年同月対象顧客)": customers qualifying in M minus customers
 * qualifying in Y, each month counted on its own — eligible association active in that month
 * and the threshold met in that month. Each customer adds +1, 0 or −1.
 */
export const netQualifyingCustomers: PartEvaluator<'netQualifyingCustomers'> = (part, ctx, scope) => {
  const { window } = ctx;
  const read = readerFor(part.measure);
  const M = window.evaluationMonth;
  const Y = window.comparisonMonth;
  const contributors: Contributor[] = [];
  const rule = `${describeMeasure(part.measure)} ${describeThreshold(part.threshold)}`;
  let value = 0;
  for (const customer of customersInScope(ctx, scope)) {
    const eligibleNow = isEligibleIn(customer, window, M, scope.mask);
    const eligibleThen = isEligibleIn(customer, window, Y, scope.mask);
    if (!eligibleNow && !eligibleThen) continue;
    const now = read(monthAt(customer, window, M));
    const then = read(monthAt(customer, window, Y));
    const contribution = (eligibleNow && meets(part.threshold, now) ? 1 : 0) - (eligibleThen && meets(part.threshold, then) ? 1 : 0);
    if (contribution === 0) continue;
    value += contribution;
    contributors.push({
      type: 'customer',
      id: customer.customerId,
      contribution,
      months: [{ month: nameOf(window, Y), value: then }, { month: nameOf(window, M), value: now }],
      note: contribution > 0
        ? `${rule} with an eligible association in ${nameOf(window, M)}; not so in ${nameOf(window, Y)}${eligibleThen ? '' : ' (no eligible association then)'}`
        : `${rule} with an eligible association in ${nameOf(window, Y)}; not so in ${nameOf(window, M)}${eligibleNow ? '' : ' (no eligible association now)'}`,
    });
  }
  return { value, contributors };
};
