import type { RuleSet } from '../../../rules/schema.js';
import { UNSPECIFIED_WORKLOAD } from '../../model/facts.js';
import { baselineMonthOf, isEligibleIn, workloadsAt } from '../context.js';
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

const maskLists = new WeakMap<RuleSet, readonly number[]>();

/** The distinct association masks under which some workload's MCV counts: a pair's baseline month depends only on its mask. */
function workloadMasks(ruleSet: RuleSet): readonly number[] {
  let masks = maskLists.get(ruleSet);
  if (!masks)
    maskLists.set(
      ruleSet,
      (masks = [
        ...new Set([...ruleSet.bizApps.rateCard.map((r) => mcvMaskOf(ruleSet, r.workload)), mcvMaskOf(ruleSet, UNSPECIFIED_WORKLOAD)]),
      ]),
    );
  return masks;
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
    // A pair counts only with MCV in M or at its baseline month, and a baseline month depends only on
    // the pair's mask: read M and those few months, not the whole year.
    const baselines = new Map<number, number>();
    let seen: Set<string> | undefined;
    for (const mask of workloadMasks(ruleSet)) {
      const baseline = baselineMonthOf(customer, window, scope.mask & mask);
      if (baseline === undefined) continue;
      baselines.set(mask, baseline);
      for (const m of baseline === M ? [M] : [baseline, M])
        for (const w of workloadsAt(customer, window, m)) if (w.mcvWorkload !== undefined) (seen ??= new Set()).add(w.mcvWorkload);
    }
    if (seen === undefined) continue;
    for (const workload of seen) {
      const mask = scope.mask & mcvMaskOf(ruleSet, workload);
      const baseline = baselines.get(mcvMaskOf(ruleSet, workload));
      if (baseline === undefined || !isEligibleIn(customer, window, M, mask)) continue;
      const before = mcvOf(workloadsAt(customer, window, baseline), workload);
      const now = mcvOf(workloadsAt(customer, window, M), workload);
      baselineSum += before;
      if (before === 0 && now === 0) continue;
      const months =
        baseline === M
          ? [{ month: nameOf(window, M), value: now }]
          : [
              { month: nameOf(window, baseline), value: before },
              { month: nameOf(window, M), value: now },
            ];
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
