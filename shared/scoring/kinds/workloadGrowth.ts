import { isEligibleIn, monthAt } from '../context.js';
import { nameOf } from '../window.js';
import { mcvMaskOf } from '../workloads.js';
import type { PreparedWorkload } from '../workloads.js';
import { customersInScope, type Contributor, type PartEvaluator } from './types.js';

/** A month's MCV of one rate-card workload (its entries summed; the caller has checked the association). */
function mcvOf(workloads: readonly PreparedWorkload[], workload: string): number {
  let sum = 0;
  for (const w of workloads) if (w.mcvWorkload === workload) sum += w.mcv;
  return sum;
}

/**
 * Business Applications usage growth: Σ MCV in M − Σ MCV at the baseline month, in percent of the
 * baseline sum, over (customer, rate-card workload) pairs eligible in M — each pair with its own
 * baseline month under its own associations. 0 unless the baseline sum reaches minBaseline.
 */
export const workloadGrowth: PartEvaluator<'workloadGrowth'> = (part, ctx, scope) => {
  const { window, ruleSet } = ctx;
  const M = window.evaluationMonth;
  const contributors: Contributor[] = [];
  let baselineSum = 0;
  for (const customer of customersInScope(ctx, scope)) {
    let seen: Set<string> | undefined;
    for (let m = window.comparisonMonth; m <= M; m++) for (const w of monthAt(customer, window, m).workloads) if (w.mcvWorkload !== undefined) (seen ??= new Set()).add(w.mcvWorkload);
    if (seen === undefined) continue;
    for (const workload of seen) {
      const mask = scope.mask & mcvMaskOf(ruleSet, workload);
      if (!isEligibleIn(customer, window, M, mask)) continue;
      let baseline = window.comparisonMonth;
      while (!isEligibleIn(customer, window, baseline, mask)) baseline++;
      const before = mcvOf(monthAt(customer, window, baseline).workloads, workload);
      const now = mcvOf(monthAt(customer, window, M).workloads, workload);
      baselineSum += before;
      if (before === 0 && now === 0) continue;
      const months = baseline === M ? [{ month: nameOf(window, M), value: now }] : [{ month: nameOf(window, baseline), value: before }, { month: nameOf(window, M), value: now }];
      contributors.push({ type: 'customer', id: customer.customerId, workload, contribution: now - before, months, note: '' });
    }
  }
  const counts = baselineSum > 0 && baselineSum >= part.minBaseline;
  const note = counts
    ? `MCV at the baseline month and in ${nameOf(window, M)}, as a share of the baseline sum ${baselineSum}`
    : `earns nothing: the baseline MCV sum ${baselineSum} is below the prerequisite ${part.minBaseline}`;
  let value = 0;
  for (const c of contributors) {
    c.contribution = counts ? (c.contribution * 100) / baselineSum : 0;
    c.note = note;
    value += c.contribution;
  }
  return { value, contributors };
};
