import { isEligibleIn } from '../preparedCustomer.js';
import { describeThreshold, meets, readerFor, valueIn } from '../measure.js';
import { nameOf } from '../window.js';
import { customersInScope, type Contributor, type MonthValue, type PartEvaluator } from './types.js';

/**
 * For each month m of T with an eligible association: +1 for a tenant going from 0 in m−1 to the
 * threshold in m, −1 for one going from the threshold to 0. Both months read the tenant's own counts.
 */
export const seatTransitions: PartEvaluator<'seatTransitions'> = (part, ctx, scope) => {
  const { window } = ctx;
  const read = readerFor(part.measure);
  const contributors: Contributor[] = [];
  let value = 0;
  for (const customer of customersInScope(ctx, scope)) {
    let contribution = 0;
    const months: MonthValue[] = [];
    const events: string[] = [];
    for (let m = window.trailingStart; m <= window.evaluationMonth; m++) {
      if (!isEligibleIn(customer, window, m, scope.mask)) continue;
      const before = valueIn(read, customer, window, m - 1);
      const now = valueIn(read, customer, window, m);
      const step = before === 0 && meets(part.threshold, now) ? 1 : meets(part.threshold, before) && now === 0 ? -1 : 0;
      if (step === 0) continue;
      contribution += step;
      if (months[months.length - 1]?.month !== nameOf(window, m - 1)) months.push({ month: nameOf(window, m - 1), value: before });
      months.push({ month: nameOf(window, m), value: now });
      events.push(`${step > 0 ? 'added' : 'lost'} in ${nameOf(window, m)} (${before} → ${now})`);
    }
    if (events.length === 0) continue;
    value += contribution;
    contributors.push({
      type: 'customer',
      id: customer.customerId,
      contribution,
      months,
      note: `paid seats 0 ↔ ${describeThreshold(part.threshold)}: ${events.join('; ')}`,
    });
  }
  return { value, contributors };
};
