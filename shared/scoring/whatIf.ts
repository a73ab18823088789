import type { RuleSet } from '../../rules/schema.js';
import type { BizAppsUsage, CustomerFacts, MonthUsage } from '../model/facts.js';
import type { PartnerFacts } from '../model/partner.js';
import type { SolutionArea } from '../model/primitives.js';
import type { WhatIfRequest } from '../model/whatIf.js';
import { invalidField, type RefusalOf } from '../refusal.js';
import { scorePartner, type ScoreDocument } from './scorePartner.js';

const shapeOf = (b: BizAppsUsage) =>
  b.workloads !== undefined ? 'workloads' : b.revenueUsd !== undefined || b.mcv !== undefined ? 'totals' : undefined;

export interface AreaChange {
  scoreBefore: number;
  scoreAfter: number;
  qualifiesBefore: boolean;
  qualifiesAfter: boolean;
}

export interface WhatIfResult {
  /** Hypothetical customers and people whose ids were already the partner's: they stand in for the stored ones. */
  replaced: { customers: string[]; people: string[] };
  current: ScoreDocument;
  hypothetical: ScoreDocument;
  changes: Record<SolutionArea, AreaChange>;
}

const sum = (a: number | undefined, b: number | undefined) => (a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0));

/** Totals add up and workload entries are appended: the scoring sums a workload listed twice. */
function addBizApps(base: BizAppsUsage, extra: BizAppsUsage): BizAppsUsage {
  const revenueUsd = sum(base.revenueUsd, extra.revenueUsd);
  const mcv = sum(base.mcv, extra.mcv);
  const workloads = base.workloads || extra.workloads ? [...(base.workloads ?? []), ...(extra.workloads ?? [])] : undefined;
  return {
    ...(revenueUsd === undefined ? {} : { revenueUsd }),
    ...(mcv === undefined ? {} : { mcv }),
    ...(workloads ? { workloads } : {}),
  };
}

function addUsage(base: MonthUsage | undefined, extra: MonthUsage): MonthUsage {
  if (!base) return extra;
  return {
    paidSeats: base.paidSeats + extra.paidSeats,
    activeUsers: base.activeUsers + extra.activeUsers,
    protectedUsers: base.protectedUsers + extra.protectedUsers,
    azureServices: [...base.azureServices, ...extra.azureServices],
    bizApps: addBizApps(base.bizApps, extra.bizApps),
  };
}

/** The facts with the hypothetical data applied; the input facts are left untouched. */
function applyHypothetical(facts: PartnerFacts, request: WhatIfRequest): PartnerFacts | RefusalOf<'invalid'> {
  const customers = new Map<string, CustomerFacts>(facts.customers.map((c) => [c.customerId, c]));
  for (const c of request.customers) customers.set(c.customerId, c);
  for (const [i, row] of request.usage.entries()) {
    const customer = customers.get(row.customerId);
    if (!customer)
      return invalidField(
        `usage[${i}].customerId`,
        `usage names customer ${row.customerId}, which neither exists nor is among the hypothetical customers`,
      );
    const base = customer.months[row.month];
    const [had, adds] = [base && shapeOf(base.bizApps), shapeOf(row.usage.bizApps)];
    // A month holds one Business Applications shape (SPEC §3.6): adding the other would count it twice.
    if (had && adds && had !== adds) {
      return invalidField(
        `usage[${i}].usage.bizApps`,
        `${row.customerId}'s ${row.month} holds Business Applications ${had === 'workloads' ? 'by workload' : 'as revenueUsd/mcv totals'}; add to it in the same shape`,
      );
    }
    customers.set(row.customerId, { ...customer, months: { ...customer.months, [row.month]: addUsage(base, row.usage) } });
  }
  const people = new Map(facts.people.map((p) => [p.personId, p]));
  for (const p of request.people) people.set(p.personId, p);
  return { partner: facts.partner, customers: [...customers.values()], people: [...people.values()] };
}

/**
 * Pure: the score now and the score the hypothetical data would give, side by side. Nothing is
 * stored. A request that cannot apply is refused as `invalid`, naming the field of the request.
 */
export function whatIf(facts: PartnerFacts, request: WhatIfRequest, ruleSet: RuleSet, asOf: string): WhatIfResult | RefusalOf<'invalid'> {
  const applied = applyHypothetical(facts, request);
  if ('kind' in applied) return applied;
  const current = scorePartner(facts, ruleSet, asOf);
  const hypothetical = scorePartner(applied, ruleSet, asOf);
  const changes = {} as Record<SolutionArea, AreaChange>;
  for (const area of Object.keys(current.areas) as SolutionArea[]) {
    changes[area] = {
      scoreBefore: current.areas[area].score,
      scoreAfter: hypothetical.areas[area].score,
      qualifiesBefore: current.areas[area].qualifies,
      qualifiesAfter: hypothetical.areas[area].qualifies,
    };
  }
  const customerIds = new Set(facts.customers.map((c) => c.customerId));
  const personIds = new Set(facts.people.map((p) => p.personId));
  const replaced = {
    customers: request.customers.map((c) => c.customerId).filter((id) => customerIds.has(id)),
    people: request.people.map((p) => p.personId).filter((id) => personIds.has(id)),
  };
  return { replaced, current, hypothetical, changes };
}
