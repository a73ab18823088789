import { isEligibleIn, monthAt } from '../context.js';
import { key } from '../window.js';
import { customersInScope, type Contributor, type PartEvaluator } from './types.js';

/** Distinct Azure services of the area, bar the excluded ones, with ACR > 0 in an eligible month of T. */
export const distinctServices: PartEvaluator<'distinctServices'> = (part, ctx, scope) => {
  const { window } = ctx;
  const excluded = new Set(ctx.ruleSet.deploymentExcludedAzureServices);
  const found = new Map<string, { months: Record<string, number>; customers: Set<string> }>();
  for (const customer of customersInScope(ctx, scope)) {
    for (let m = window.trailingStart; m <= window.evaluationMonth; m++) {
      if (!isEligibleIn(customer, window, m, scope.mask)) continue;
      for (const service of monthAt(customer, window, m).services) {
        if (service.area !== part.area || service.acrUsd <= 0 || excluded.has(service.name)) continue;
        let entry = found.get(service.name);
        if (!entry) found.set(service.name, (entry = { months: {}, customers: new Set() }));
        entry.months[key(m)] = (entry.months[key(m)] ?? 0) + service.acrUsd;
        entry.customers.add(customer.customerId);
      }
    }
  }
  const contributors: Contributor[] = [...found].map(([name, entry]) => ({
    type: 'service',
    id: name,
    contribution: 1,
    months: entry.months,
    note: `ACR at ${[...entry.customers].join(', ')}`,
  }));
  return { value: contributors.length, contributors };
};
