import { workloadsBySpelling } from '../../rules/index.js';
import type { RateCardEntry, RuleSet } from '../../rules/schema.js';
import { UNSPECIFIED_WORKLOAD, type BizAppsUsage } from '../model/facts.js';
import { ASSOCIATION_TYPES } from '../model/primitives.js';
import { associationMask } from './associations.js';

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
const rateCards = new WeakMap<RuleSet, ReadonlyMap<string, RateCardEntry>>();

function rateCardOf(ruleSet: RuleSet): ReadonlyMap<string, RateCardEntry> {
  let card = rateCards.get(ruleSet);
  if (!card) rateCards.set(ruleSet, (card = new Map(ruleSet.bizApps.rateCard.map((r) => [r.workload, r]))));
  return card;
}

/**
 * MCV = units × rate (SPEC §3.6); the old `{revenueUsd, mcv}` is one workload named `unspecified`,
 * under any association. (Input holds one shape or the other; a what-if may add the other shape.)
 */
export function workloadsOf(bizApps: BizAppsUsage, ruleSet: RuleSet): PreparedWorkload[] {
  const prepared: PreparedWorkload[] = [];
  const revenue = bizApps.revenueUsd ?? 0;
  const mcv = bizApps.mcv ?? 0;
  if (revenue !== 0 || mcv !== 0) prepared.push({ name: UNSPECIFIED_WORKLOAD, revenue, mcvWorkload: UNSPECIFIED_WORKLOAD, mcv, mcvMask: ANY_ASSOCIATION });
  if (bizApps.workloads === undefined) return prepared;
  const card = rateCardOf(ruleSet);
  for (const w of bizApps.workloads) {
    const entry = workloadsBySpelling.get(w.workload);
    const name = entry?.name ?? w.workload;
    const rolled = entry?.rollsUpTo ?? name;
    const rate = card.get(rolled);
    prepared.push({
      name,
      revenue: w.revenueUsd ?? 0,
      mcvWorkload: rate ? rolled : undefined,
      mcv: rate ? (w.units ?? 0) * rate.rate : 0,
      mcvMask: rate ? associationMask(rate.associations) : 0,
    });
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
