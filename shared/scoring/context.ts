import type { CustomerFacts, Person } from '../model/facts.js';
import type { PartnerFacts } from '../model/partner.js';
import type { Classification, RuleSet } from '../../rules/schema.js';
import type { PartResult, ServicesByArea, TrackDecision } from './results.js';
import { scoringWindow, type ScoringWindow } from './window.js';
import { MONTH_STRIDE, prepareCustomer, type PartnerCaches, type PreparedCustomer } from './preparedCustomer.js';

export interface PersonOnDay {
  personId: string;
  held: ReadonlySet<string>;
}

export interface ScoringContext {
  window: ScoringWindow;
  ruleSet: RuleSet;
  customers: PreparedCustomer[];
  /** The customers marked production, for metrics that count deployments. */
  productionCustomers: PreparedCustomer[];
  /** People linked to the partner on the as-of day, with the certifications they hold that day. */
  people: PersonOnDay[];
  /** Per-partner caches, filled on first use: part results (metric.ts), track decisions (classification.ts), service scans. */
  partResults?: Map<number, PartResult>;
  /** The distinct-services scan per scope (distinctServices.ts). */
  serviceScans?: Map<number, ServicesByArea>;
  trackDecisions?: Map<Classification, TrackDecision>;
}

/** A person counts on D if linked on or before D and not unlinked on or before D. */
export function isLinkedOn(person: Person, day: string): boolean {
  return person.linkedOn <= day && (person.unlinkedOn === undefined || person.unlinkedOn > day);
}

const countsUntilByRuleSet = new WeakMap<RuleSet, ReadonlyMap<string, string>>();

function countsUntilOf(ruleSet: RuleSet): ReadonlyMap<string, string> {
  let map = countsUntilByRuleSet.get(ruleSet);
  if (!map) countsUntilByRuleSet.set(ruleSet, (map = new Map(Object.entries(ruleSet.countsUntil))));
  return map;
}

/**
 * A certification is held on D if earned on or before D, not yet expired (expiresOn is the first
 * day without it) and, for a retired one, D is on or before the rule pages' `countsUntil`.
 */
export function certificationsHeldOn(person: Person, day: string, countsUntil: ReadonlyMap<string, string> = new Map()): Set<string> {
  const held = new Set<string>();
  for (const c of person.certifications) {
    if (c.earnedOn > day || (c.expiresOn !== undefined && c.expiresOn <= day)) continue;
    const lastDay = countsUntil.get(c.id);
    if (lastDay === undefined || day <= lastDay) held.add(c.id);
  }
  return held;
}

const byCustomerId = (a: CustomerFacts, b: CustomerFacts) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);
const byPersonId = (a: Person, b: Person) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);

/** The items in id order; a copy is sorted only when they are not in order already. */
function inOrder<T>(items: readonly T[], compare: (a: T, b: T) => number): readonly T[] {
  for (let i = 1; i < items.length; i++) if (compare(items[i - 1]!, items[i]!) > 0) return [...items].sort(compare);
  return items;
}

const palExcludedByRuleSet = new WeakMap<RuleSet, ReadonlySet<string>>();

function palExcludedOf(ruleSet: RuleSet): ReadonlySet<string> {
  let set = palExcludedByRuleSet.get(ruleSet);
  if (!set) palExcludedByRuleSet.set(ruleSet, (set = new Set(ruleSet.palExcludedCountries)));
  return set;
}

export function scoringContext(facts: PartnerFacts, ruleSet: RuleSet, asOf: string): ScoringContext {
  const window = scoringWindow(asOf, ruleSet.historyMonths);
  const palExcluded = palExcludedOf(ruleSet);
  const countsUntil = countsUntilOf(ruleSet);
  // Sorted by id, so the document is the same whatever order the facts arrive in (file or database).
  const sorted = inOrder(facts.customers, byCustomerId);
  const perCustomer = window.monthNames.length * MONTH_STRIDE;
  // One array for the partner: a typed array per customer would cost an allocation outside the heap each.
  const numbers = new Float64Array(sorted.length * perCustomer);
  const partner: PartnerCaches = { customers: sorted.length, runningSums: new Map() };
  const customers = sorted.map((c, k) => prepareCustomer(c, window, ruleSet, palExcluded, numbers, k, partner));
  return {
    window,
    ruleSet,
    customers,
    productionCustomers: customers.filter((c) => c.production),
    people: inOrder(facts.people, byPersonId)
      .filter((p) => isLinkedOn(p, asOf))
      .map((p) => ({ personId: p.personId, held: certificationsHeldOn(p, asOf, countsUntil) })),
  };
}
