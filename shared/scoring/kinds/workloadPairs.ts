import { UNSPECIFIED_WORKLOAD } from '../../model/facts.js';
import type { RuleSet } from '../../../rules/schema.js';
import { type ScoringContext } from '../context.js';
import { isEligibleIn, workloadsAt, type PreparedCustomer } from '../preparedCustomer.js';
import { describeThreshold, meets } from '../measure.js';
import { nameOf } from '../window.js';
import { mcvMaskOf } from '../workloads.js';
import { customersInScope, type Contributor, type PartEvaluator, type PartScope } from './types.js';
import { cents, fromCents } from '../../money.js';

type Measure = 'revenue' | 'mcv';

const netAddsSets = new WeakMap<RuleSet, ReadonlySet<string>>();

function netAddsWorkloads(ruleSet: RuleSet): ReadonlySet<string> {
  let set = netAddsSets.get(ruleSet);
  if (!set) netAddsSets.set(ruleSet, (set = new Set([...ruleSet.bizApps.netAddsWorkloads, UNSPECIFIED_WORKLOAD])));
  return set;
}

/**
 * A customer's eligible workloads in month m with their value: revenue by net-adds workload under the
 * part's associations, or MCV by rate-card workload (roll-ups applied) under that workload's associations.
 * A workload listed twice in a month is summed.
 */
const NONE: ReadonlyMap<string, number> = new Map();

export function workloadValuesAt(
  ctx: ScoringContext,
  customer: PreparedCustomer,
  m: number,
  measure: Measure,
  mask: number,
): ReadonlyMap<string, number> {
  const { window, ruleSet } = ctx;
  const workloads = workloadsAt(customer, window, m);
  // Allocated only for a month with an eligible workload: most customer-months have none.
  let values: Map<string, number> | undefined;
  for (const w of workloads) {
    if (measure === 'revenue') {
      if (!netAddsWorkloads(ruleSet).has(w.name) || !isEligibleIn(customer, window, m, mask)) continue;
      values ??= new Map();
      values.set(w.name, fromCents(cents(values.get(w.name) ?? 0) + cents(w.revenue)));
    } else {
      if (w.mcvWorkload === undefined || !isEligibleIn(customer, window, m, mask & mcvMaskOf(ruleSet, w.mcvWorkload))) continue;
      values ??= new Map();
      values.set(w.mcvWorkload, (values.get(w.mcvWorkload) ?? 0) + w.mcv);
    }
  }
  return values ?? NONE;
}

const describe = (measure: Measure) => (measure === 'revenue' ? 'revenue (USD)' : 'MCV');

/**
 * Business Applications net adds and deployments (SPEC §3.6): (customer, workload) pairs meeting the
 * threshold in M minus those meeting it in Y, each month on its own associations.
 */
export const workloadPairs: PartEvaluator<'workloadPairs'> = (part, ctx, scope: PartScope) => {
  const { window } = ctx;
  const M = window.evaluationMonth;
  const Y = window.comparisonMonth;
  const contributors: Contributor[] = [];
  let value = 0;

  /** One (customer, workload) pair: +1, 0 or −1, explained when not 0. */
  const pair = (customerId: string, workload: string, now: ReadonlyMap<string, number>, then: ReadonlyMap<string, number>): number => {
    const valueNow = now.get(workload) ?? 0;
    const valueThen = then.get(workload) ?? 0;
    const contribution =
      (now.has(workload) && meets(part.threshold, valueNow) ? 1 : 0) - (then.has(workload) && meets(part.threshold, valueThen) ? 1 : 0);
    if (contribution === 0) return 0;
    contributors.push({
      type: 'customer',
      id: customerId,
      workload,
      contribution,
      months: [
        { month: nameOf(window, Y), value: valueThen },
        { month: nameOf(window, M), value: valueNow },
      ],
      note: `${workload} ${describe(part.measure)} ${describeThreshold(part.threshold)} in ${nameOf(window, contribution > 0 ? M : Y)}, not in ${nameOf(window, contribution > 0 ? Y : M)}`,
    });
    return contribution;
  };

  for (const customer of customersInScope(ctx, scope)) {
    const now = workloadValuesAt(ctx, customer, M, part.measure, scope.mask);
    const then = workloadValuesAt(ctx, customer, Y, part.measure, scope.mask);
    if (now.size === 0 && then.size === 0) continue;
    // Every workload of either month once, in the order they were first seen: Y's, then those only in M.
    for (const workload of then.keys()) value += pair(customer.customerId, workload, now, then);
    for (const workload of now.keys()) if (!then.has(workload)) value += pair(customer.customerId, workload, now, then);
  }
  return { value, contributors };
};
