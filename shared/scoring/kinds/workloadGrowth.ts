import { isEligibleIn, monthAt } from '../context.js';
import { nameOf } from '../window.js';
import { mcvMaskOf } from '../workloads.js';
import { workloadValuesAt } from './workloadPairs.js';
import { customersInScope, type Contributor, type PartEvaluator } from './types.js';

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
    const seen = new Set<string>();
    for (let m = window.comparisonMonth; m <= M; m++) for (const w of monthAt(customer, window, m).workloads) if (w.mcvWorkload !== undefined) seen.add(w.mcvWorkload);
    for (const workload of seen) {
      const mask = scope.mask & mcvMaskOf(ruleSet, workload);
      if (!isEligibleIn(customer, window, M, mask)) continue;
      let baseline = window.comparisonMonth;
      while (!isEligibleIn(customer, window, baseline, mask)) baseline++;
      const before = workloadValuesAt(ctx, customer, baseline, 'mcv', mask).get(workload) ?? 0;
      const now = workloadValuesAt(ctx, customer, M, 'mcv', mask).get(workload) ?? 0;
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
