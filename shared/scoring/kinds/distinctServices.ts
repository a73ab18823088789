import type { RuleSet } from '../../../rules/schema.js';
import { SOLUTION_AREAS, type SolutionArea } from '../../model/primitives.js';
import { type ScoringContext } from '../context.js';
import { isEligibleIn, servicesAt } from '../preparedCustomer.js';
import { nameOf } from '../window.js';
import type { ServiceSeen, ServicesByArea } from '../results.js';
import { customersInScope, type Contributor, type MonthValue, type PartEvaluator, type PartScope } from './types.js';

/** A service name as the scan met it: excluded or not, and what was seen of it in each area. */
interface ServiceName {
  excluded: boolean;
  byArea: (ServiceSeen | undefined)[];
}

const AREA_INDEX: Record<SolutionArea, number> = Object.fromEntries(SOLUTION_AREAS.map((area, i) => [area, i])) as Record<
  SolutionArea,
  number
>;

const excludedByRuleSet = new WeakMap<RuleSet, ReadonlySet<string>>();

function excludedServices(ruleSet: RuleSet): ReadonlySet<string> {
  let set = excludedByRuleSet.get(ruleSet);
  if (!set) excludedByRuleSet.set(ruleSet, (set = new Set(ruleSet.deploymentExcludedAzureServices)));
  return set;
}

/**
 * Every non-excluded service with ACR > 0 in an eligible month of T, by area. The three Azure areas
 * scan the same months with the same eligibility: scanned once per partner and scope (kept on the
 * context, as the part results are); each service name is looked up once per row, not three times.
 */
function servicesInTrailingYear(ctx: ScoringContext, scope: PartScope): ServicesByArea {
  const cacheKey = scope.mask * 2 + (scope.productionOnly ? 1 : 0);
  const scans = (ctx.serviceScans ??= new Map());
  const cached = scans.get(cacheKey);
  if (cached) return cached;

  const { window } = ctx;
  const excluded = excludedServices(ctx.ruleSet);
  const found: ServicesByArea = SOLUTION_AREAS.map(() => []);
  const names = new Map<string, ServiceName>();
  for (const customer of customersInScope(ctx, scope)) {
    for (let m = window.trailingStart; m <= window.evaluationMonth; m++) {
      const services = servicesAt(customer, window, m);
      if (services.length === 0 || !isEligibleIn(customer, window, m, scope.mask)) continue;
      for (const service of services) {
        if (service.acrUsd <= 0) continue;
        let name = names.get(service.name);
        if (!name) names.set(service.name, (name = { excluded: excluded.has(service.name), byArea: [] }));
        if (name.excluded) continue;
        const area = AREA_INDEX[service.area];
        let seen = name.byArea[area];
        if (!seen) {
          seen = name.byArea[area] = { name: service.name, acrByMonth: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], customers: [] };
          found[area]!.push(seen);
        }
        seen.acrByMonth[m - window.trailingStart]! += service.acrUsd;
        if (seen.customers[seen.customers.length - 1] !== customer.customerId) seen.customers.push(customer.customerId);
      }
    }
  }
  scans.set(cacheKey, found);
  return found;
}

/** Distinct Azure services of the area, bar the excluded ones, with ACR > 0 in an eligible month of T. */
export const distinctServices: PartEvaluator<'distinctServices'> = (part, ctx, scope) => {
  const { window } = ctx;
  const contributors: Contributor[] = [];
  for (const seen of servicesInTrailingYear(ctx, scope)[AREA_INDEX[part.area]]!) {
    const months: MonthValue[] = [];
    for (let i = 0; i < seen.acrByMonth.length; i++) {
      const value = seen.acrByMonth[i]!;
      if (value > 0) months.push({ month: nameOf(window, window.trailingStart + i), value });
    }
    contributors.push({ type: 'service', id: seen.name, contribution: 1, months, note: `ACR at ${seen.customers.join(', ')}` });
  }
  return { value: contributors.length, contributors };
};
