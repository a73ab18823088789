import { describeCondition, holdsAt, measureAt } from '../conditions.js';
import { isEligibleIn, type PreparedCustomer } from '../preparedCustomer.js';
import { meets, readerFor, valueIn, type MeasureReader } from '../measure.js';
import { nameOf, type ScoringWindow } from '../window.js';
import { customersInScope, type Contributor, type PartEvaluator, type PartOf } from './types.js';

type Part = PartOf<'netQualifyingCustomers'>;

/** The month at which the customer qualifies as of m (m itself, or m−1 where the rule allows), if any. */
function qualifyingMonth(
  customer: PreparedCustomer,
  window: ScoringWindow,
  m: number,
  part: Part,
  mask: number,
  read: MeasureReader,
): number | undefined {
  // The common rules (a month's value against plain bounds, in m or also m−1) read the months directly: this runs per customer.
  if (part.over === 'month' && part.threshold.promotedFrom === undefined) {
    if (isEligibleIn(customer, window, m, mask) && meets(part.threshold, valueIn(read, customer, window, m))) return m;
    if (
      part.orPreviousMonth &&
      isEligibleIn(customer, window, m - 1, mask) &&
      meets(part.threshold, valueIn(read, customer, window, m - 1))
    )
      return m - 1;
    return undefined;
  }
  for (let k = m; k >= (part.orPreviousMonth ? m - 1 : m); k--) {
    // A 12-month total counts only eligible months, so eligibility is in the sum; a month's value needs it that month.
    if (part.over === 'month' && !isEligibleIn(customer, window, k, mask)) continue;
    if (holdsAt(customer, window, k, part.measure, part.over, part.threshold, mask)) return k;
  }
  return undefined;
}

/**
 * Seed 003's "(前月対象顧客 − 前年同月対象顧客)": customers qualifying in M minus customers
 * qualifying in Y, each month counted on its own — eligible association active in that month
 * and the threshold met in that month. Each customer adds +1, 0 or −1.
 */
export const netQualifyingCustomers: PartEvaluator<'netQualifyingCustomers'> = (part, ctx, scope) => {
  const { window } = ctx;
  const M = window.evaluationMonth;
  const Y = window.comparisonMonth;
  const contributors: Contributor[] = [];
  const rule = describeCondition(part);
  const read = readerFor(part.measure);
  let value = 0;
  for (const customer of customersInScope(ctx, scope)) {
    const now = qualifyingMonth(customer, window, M, part, scope.mask, read);
    const then = qualifyingMonth(customer, window, Y, part, scope.mask, read);
    const contribution = (now === undefined ? 0 : 1) - (then === undefined ? 0 : 1);
    if (contribution === 0) continue;
    value += contribution;
    const shown = contribution > 0 ? [Y, now!] : [then!, M];
    contributors.push({
      type: 'customer',
      id: customer.customerId,
      contribution,
      months: shown.map((m) => ({ month: nameOf(window, m), value: measureAt(customer, window, m, part.measure, part.over, scope.mask) })),
      note:
        contribution > 0
          ? `${rule} with an eligible association in ${nameOf(window, now!)}; not so in ${nameOf(window, Y)}${isEligibleIn(customer, window, Y, scope.mask) ? '' : ' (no eligible association then)'}`
          : `${rule} with an eligible association in ${nameOf(window, then!)}; not so in ${nameOf(window, M)}${isEligibleIn(customer, window, M, scope.mask) ? '' : ' (no eligible association now)'}`,
    });
  }
  return { value, contributors };
};
