import type { RuleSet } from '../../../rules/schema.js';
import { UNSPECIFIED_WORKLOAD } from '../../model/facts.js';
import { baselineMonthOf, isEligibleIn, workloadsAt, type PreparedCustomer } from '../preparedCustomer.js';
import { nameOf } from '../window.js';
import { mcvMaskOf } from '../workloads.js';
import type { PreparedWorkload } from '../workloads.js';
import { baselineAndNow, customersInScope, type Contributor, type PartEvaluator } from './types.js';

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
  const masks = workloadMasks(ruleSet);
  // Per customer, the baseline month under each mask (reused: this runs for every customer).
  const baselines: (number | undefined)[] = new Array(masks.length);
  const seen: string[] = [];
  const see = (customer: PreparedCustomer, m: number) => {
    for (const w of workloadsAt(customer, window, m))
      if (w.mcvWorkload !== undefined && !seen.includes(w.mcvWorkload)) seen.push(w.mcvWorkload);
  };
  for (const customer of customersInScope(ctx, scope)) {
    // A pair counts only with MCV in M or at its baseline month, and a baseline month depends only on
    // the pair's mask: read M and those few months, not the whole year.
    seen.length = 0;
    for (let k = 0; k < masks.length; k++) {
      const baseline = (baselines[k] = baselineMonthOf(customer, window, scope.mask & masks[k]!));
      if (baseline === undefined) continue;
      if (baseline !== M) see(customer, baseline);
      see(customer, M);
    }
    for (const workload of seen) {
      const mask = scope.mask & mcvMaskOf(ruleSet, workload);
      const baseline = baselines[masks.indexOf(mcvMaskOf(ruleSet, workload))];
      if (baseline === undefined || !isEligibleIn(customer, window, M, mask)) continue;
      const before = mcvOf(workloadsAt(customer, window, baseline), workload);
      const now = mcvOf(workloadsAt(customer, window, M), workload);
      baselineSum += before;
      if (before === 0 && now === 0) continue;
      contributors.push({
        type: 'customer',
        id: customer.customerId,
        workload,
        contribution: now - before,
        months: baselineAndNow(window, baseline, before, now),
        note: '',
      });
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
