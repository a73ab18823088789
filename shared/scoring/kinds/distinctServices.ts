import type { RuleSet } from '../../../rules/schema.js';
import type { SolutionArea } from '../../model/primitives.js';
import { type ScoringContext } from '../context.js';
import { isEligibleIn, servicesAt } from '../preparedCustomer.js';
import { nameOf } from '../window.js';
import { customersInScope, type Contributor, type MonthValue, type PartEvaluator, type PartScope } from './types.js';

interface ServiceSeen {
  name: string;
  /** ACR by month offset within T (a plain array: typed arrays are slow to allocate). */
  acrByMonth: number[];
  customers: string[];
}

type ServicesByArea = Map<SolutionArea, Map<string, ServiceSeen>>;

const excludedByRuleSet = new WeakMap<RuleSet, ReadonlySet<string>>();
// The three Azure areas scan the same months with the same eligibility: scan once per context and scope.
const scans = new WeakMap<ScoringContext, Map<string, ServicesByArea>>();

function excludedServices(ruleSet: RuleSet): ReadonlySet<string> {
  let set = excludedByRuleSet.get(ruleSet);
  if (!set) excludedByRuleSet.set(ruleSet, (set = new Set(ruleSet.deploymentExcludedAzureServices)));
  return set;
}

/** Every non-excluded service with ACR > 0 in an eligible month of T, by area. */
function servicesInTrailingYear(ctx: ScoringContext, scope: PartScope): ServicesByArea {
  const cacheKey = `${scope.mask}:${scope.productionOnly}`;
  let byScope = scans.get(ctx);
  if (!byScope) scans.set(ctx, (byScope = new Map()));
  const cached = byScope.get(cacheKey);
  if (cached) return cached;

  const { window } = ctx;
  const excluded = excludedServices(ctx.ruleSet);
  const found: ServicesByArea = new Map();
  for (const customer of customersInScope(ctx, scope)) {
    for (let m = window.trailingStart; m <= window.evaluationMonth; m++) {
      const services = servicesAt(customer, window, m);
      if (services.length === 0 || !isEligibleIn(customer, window, m, scope.mask)) continue;
      for (const service of services) {
        if (service.acrUsd <= 0 || excluded.has(service.name)) continue;
        let inArea = found.get(service.area);
        if (!inArea) found.set(service.area, (inArea = new Map()));
        let seen = inArea.get(service.name);
        if (!seen)
          inArea.set(service.name, (seen = { name: service.name, acrByMonth: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], customers: [] }));
        seen.acrByMonth[m - window.trailingStart]! += service.acrUsd;
        if (seen.customers[seen.customers.length - 1] !== customer.customerId) seen.customers.push(customer.customerId);
      }
    }
  }
  byScope.set(cacheKey, found);
  return found;
}

/** Distinct Azure services of the area, bar the excluded ones, with ACR > 0 in an eligible month of T. */
export const distinctServices: PartEvaluator<'distinctServices'> = (part, ctx, scope) => {
  const { window } = ctx;
  const contributors: Contributor[] = [];
  for (const seen of servicesInTrailingYear(ctx, scope).get(part.area)?.values() ?? []) {
    const months: MonthValue[] = [];
    for (let i = 0; i < seen.acrByMonth.length; i++) {
      const value = seen.acrByMonth[i]!;
      if (value > 0) months.push({ month: nameOf(window, window.trailingStart + i), value });
    }
    contributors.push({ type: 'service', id: seen.name, contribution: 1, months, note: `ACR at ${seen.customers.join(', ')}` });
  }
  return { value: contributors.length, contributors };
};
