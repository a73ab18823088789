import { workloadsBySpelling } from '../../rules/index.js';
import type { RuleSet } from '../../rules/schema.js';
import { UNSPECIFIED_WORKLOAD, type BizAppsUsage } from '../model/facts.js';
import { ASSOCIATION_TYPES } from '../model/primitives.js';
import { associationMask } from './associations.js';
import { cents, fromCents } from '../money.js';

/** One Business Applications workload of one customer-month, as the metrics read it. */
export interface PreparedWorkload {
  /** The canonical name (aliases resolved), or `unspecified` for the old totals shape. */
  name: string;
  revenue: number;
  /** The rate-card workload its MCV counts towards (footnote roll-ups applied); undefined when it has no rate. */
  mcvWorkload: string | undefined;
  /** Units × the rate card's rate, or the old shape's `mcv`. */
  mcv: number;
  /** Association types under which its MCV counts, as bits. */
  mcvMask: number;
}

const ANY_ASSOCIATION = associationMask(ASSOCIATION_TYPES);
const NO_WORKLOADS: readonly PreparedWorkload[] = Object.freeze([]);
interface Resolved {
  name: string;
  mcvWorkload: string | undefined;
  rate: number;
  mcvMask: number;
}

const resolvedByRuleSet = new WeakMap<RuleSet, Map<string, Resolved>>();

/** A spelling resolved once per rule set: canonical name, rate-card workload, rate and associations. */
function resolve(spelling: string, ruleSet: RuleSet): Resolved {
  let cache = resolvedByRuleSet.get(ruleSet);
  if (!cache) resolvedByRuleSet.set(ruleSet, (cache = new Map()));
  let resolved = cache.get(spelling);
  if (!resolved) {
    const entry = workloadsBySpelling.get(spelling);
    const name = entry?.name ?? spelling;
    const rolled = entry?.rollsUpTo ?? name;
    const rate = ruleSet.bizApps.rateCard.find((r) => r.workload === rolled);
    resolved = {
      name,
      mcvWorkload: rate ? rolled : undefined,
      rate: rate?.rate ?? 0,
      mcvMask: rate ? associationMask(rate.associations) : 0,
    };
    cache.set(spelling, resolved);
  }
  return resolved;
}

/**
 * MCV = units × rate (SPEC §3.6); the old `{revenueUsd, mcv}` is one workload named `unspecified`,
 * under any association. (Input holds one shape or the other; a what-if may add the other shape.)
 */
export function workloadsOf(bizApps: BizAppsUsage, ruleSet: RuleSet): readonly PreparedWorkload[] {
  const revenue = bizApps.revenueUsd ?? 0;
  const mcv = bizApps.mcv ?? 0;
  // Most months carry no Business Applications data: share one empty list rather than allocate one each.
  if (revenue === 0 && mcv === 0 && (bizApps.workloads === undefined || bizApps.workloads.length === 0)) return NO_WORKLOADS;
  const prepared: PreparedWorkload[] = [];
  if (revenue !== 0 || mcv !== 0)
    prepared.push({ name: UNSPECIFIED_WORKLOAD, revenue, mcvWorkload: UNSPECIFIED_WORKLOAD, mcv, mcvMask: ANY_ASSOCIATION });
  if (bizApps.workloads === undefined) return prepared;
  for (const w of bizApps.workloads) {
    const { name, mcvWorkload, rate, mcvMask } = resolve(w.workload, ruleSet);
    // MCV to the cent: 3 profiles × 0.2 is 0.6, not 0.6000000000000001.
    prepared.push({ name, revenue: w.revenueUsd ?? 0, mcvWorkload, mcv: fromCents(cents((w.units ?? 0) * rate)), mcvMask });
  }
  return prepared;
}

const mcvMasks = new WeakMap<RuleSet, ReadonlyMap<string, number>>();

/** The association bits under which a rate-card workload's MCV counts (any, for `unspecified`). */
export function mcvMaskOf(ruleSet: RuleSet, mcvWorkload: string): number {
  let masks = mcvMasks.get(ruleSet);
  if (!masks) mcvMasks.set(ruleSet, (masks = new Map(ruleSet.bizApps.rateCard.map((r) => [r.workload, associationMask(r.associations)]))));
  return masks.get(mcvWorkload) ?? (mcvWorkload === UNSPECIFIED_WORKLOAD ? ANY_ASSOCIATION : 0);
}
