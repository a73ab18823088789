import { addMonths } from '../../shared/dates.js';
import { ruleSetFor } from '../../rules/index.js';
import { CustomerFacts, Person, type CustomerFactsInput, type MonthUsageInput, type PersonInput } from '../../shared/model/facts.js';
import { PartnerFacts } from '../../shared/model/partner.js';
import type { AssociationType, SolutionArea } from '../../shared/model/primitives.js';
import { scorePartner, type MetricResult, type ScoreDocument } from '../../shared/scoring/index.js';
import { scoringContext } from '../../shared/scoring/context.js';
import { evaluateMetric } from '../../shared/scoring/metric.js';
import type { Path } from '../../rules/schema.js';

/** As of 2025-06-15: M = 2025-05, Y = 2024-05, T = 2024-06..2025-05; rule set 2024-07. */
export const AS_OF = '2025-06-15';

let counter = 0;

export function customer(input: Partial<CustomerFactsInput> & { associations?: CustomerFactsInput['associations'] }): CustomerFacts {
  return CustomerFacts.parse({
    customerId: input.customerId ?? `c${++counter}`,
    idType: 'tenant',
    country: 'JP',
    production: true,
    associations: [],
    months: {},
    ...input,
  });
}

/** A customer associated with one type since long before any window, with the given months. */
export function associated(
  type: AssociationType,
  months: Record<string, MonthUsageInput>,
  extra: Partial<CustomerFactsInput> = {},
): CustomerFacts {
  return customer({ associations: [{ type, from: '2020-01-01' }], months, ...extra });
}

export function acr(area: SolutionArea, acrUsd: number, name = `${area} service`): MonthUsageInput {
  return { azureServices: [{ name, area, acrUsd }] };
}

export function person(certifications: string[], extra: Partial<PersonInput> = {}): Person {
  return Person.parse({
    personId: `u${++counter}`,
    linkedOn: '2020-01-01',
    certifications: certifications.map((id) => ({ id, earnedOn: '2021-01-01' })),
    ...extra,
  });
}

export function people(n: number, certifications: string[]): Person[] {
  return Array.from({ length: n }, () => person(certifications));
}

export function facts(input: { customers?: CustomerFacts[]; people?: Person[] } = {}): PartnerFacts {
  return PartnerFacts.parse({
    partner: { partnerId: 'p1', name: 'Partner One', country: 'JP' },
    customers: input.customers ?? [],
    people: input.people ?? [],
  });
}

export function score(input: { customers?: CustomerFacts[]; people?: Person[] }, asOf = AS_OF): ScoreDocument {
  return scorePartner(facts(input), ruleSetFor(asOf), asOf);
}

export function metric(
  input: { customers?: CustomerFacts[]; people?: Person[] },
  area: SolutionArea,
  name: string,
  asOf = AS_OF,
): MetricResult {
  const result = score(input, asOf).areas[area].metrics[name];
  if (!result) throw new Error(`${area} has no metric ${name} as of ${asOf}`);
  return result;
}

/** The same usage in every month from `first` to `last`, both included. */
export function monthsFrom(first: string, last: string, usage: MonthUsageInput): Record<string, MonthUsageInput> {
  const out: Record<string, MonthUsageInput> = {};
  for (let m = first; m <= last; m = addMonths(m, 1)) out[m] = usage;
  return out;
}

/** A contributor's months as a map, for short assertions. */
export function byMonth(months: readonly { month: string; value: number }[]): Record<string, number> {
  return Object.fromEntries(months.map((m) => [m.month, m.value]));
}

/** One metric on one path or track, whichever the area would keep: to test a path's rules directly. */
export function pathMetric(
  input: { customers?: CustomerFacts[]; people?: Person[] },
  area: SolutionArea,
  path: Path,
  name: string,
  asOf = AS_OF,
): MetricResult {
  const ruleSet = ruleSetFor(asOf);
  const rule = ruleSet.areas[area];
  const variant = 'paths' in rule ? rule.paths[path] : 'tracks' in rule ? rule.tracks[path] : rule;
  const metricRule = variant.metrics.find((m) => m.metric === name);
  if (!metricRule) throw new Error(`${area} has no metric ${name} on ${path} as of ${asOf}`);
  return evaluateMetric(metricRule, variant, scoringContext(facts(input), ruleSet, asOf));
}
