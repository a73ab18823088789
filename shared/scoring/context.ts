import type { AzureServiceUsage, CustomerFacts, MonthUsage, Person } from '../model/facts.js';
import type { PartnerFacts } from '../model/partner.js';
import type { SolutionArea } from '../model/primitives.js';
import { monthIndex } from '../dates.js';
import type { Classification, Part, RuleSet } from '../../rules/schema.js';
import type { PartResult, TrackDecision } from './results.js';
import { associationBit } from './associations.js';
import { cents, fromCents } from '../money.js';
import { scoringWindow, type ScoringWindow } from './window.js';
import { workloadsOf, type PreparedWorkload } from './workloads.js';

/**
 * The numbers the metrics read, per customer-month, in one Float64Array per partner: customer c,
 * month offset i (from window.historyStart) starts at c's `base` + i × MONTH_STRIDE. Filled in one
 * pass over the facts, as the benchmark's baseline reads them: a pass per metric over objects
 * scattered in memory cost more than the arithmetic (Azure ACR is summed per area in whole cents).
 */
export const MONTH_STRIDE = 9;
export const FIELD_OFFSET = {
  paidSeats: 0,
  activeUsers: 1,
  protectedUsers: 2,
  acrInfrastructure: 3,
  acrDataAi: 4,
  acrDigitalAppInnovation: 5,
  acrBusinessApplications: 6,
  acrModernWork: 7,
  acrSecurity: 8,
} as const;

const ACR_OFFSET_BY_AREA: Record<SolutionArea, number> = {
  infrastructure: FIELD_OFFSET.acrInfrastructure,
  dataAi: FIELD_OFFSET.acrDataAi,
  digitalAppInnovation: FIELD_OFFSET.acrDigitalAppInnovation,
  businessApplications: FIELD_OFFSET.acrBusinessApplications,
  modernWork: FIELD_OFFSET.acrModernWork,
  security: FIELD_OFFSET.acrSecurity,
};

export function acrOffset(area: SolutionArea): number {
  return ACR_OFFSET_BY_AREA[area];
}

export interface PreparedCustomer {
  customerId: string;
  production: boolean;
  /** Microsoft's segment; absent in the facts means enterprise. */
  smb: boolean;
  /** The partner's numbers (see MONTH_STRIDE) and where this customer's start. */
  numbers: Float64Array;
  base: number;
  /** The months as given, by month offset (undefined: no data): the services and Business Applications rows. */
  usages: (MonthUsage | undefined)[];
  /** Business Applications per workload by month offset, prepared on first read (workloadsAt). */
  workloads: (readonly PreparedWorkload[] | undefined)[];
  ruleSet: RuleSet;
  /** Association bits active on any day of each month, PAL already dropped where it never counts. */
  associationMasks: Uint8Array;
  /** Running sums of eligible cents by measure and mask, filled on first use (conditions.ts). */
  runningSums: Map<number, { sums: Float64Array; from: number }> | undefined;
}

const NO_SERVICES: readonly AzureServiceUsage[] = Object.freeze([]);
const NO_WORKLOADS: readonly PreparedWorkload[] = Object.freeze([]);

/** The month offset of month m in the window, or -1 outside it (no data there). */
function offsetOf(window: ScoringWindow, m: number): number {
  const i = m - window.historyStart;
  return i >= 0 && i < window.monthNames.length ? i : -1;
}

/** Where customer-month m's numbers start, or -1 outside the window (every measure reads 0 there). */
export function numbersAt(customer: PreparedCustomer, window: ScoringWindow, m: number): number {
  const i = offsetOf(window, m);
  return i < 0 ? -1 : customer.base + i * MONTH_STRIDE;
}

/** The Azure services of customer-month m as given (none outside the window). */
export function servicesAt(customer: PreparedCustomer, window: ScoringWindow, m: number): readonly AzureServiceUsage[] {
  const i = offsetOf(window, m);
  return i < 0 ? NO_SERVICES : (customer.usages[i]?.azureServices ?? NO_SERVICES);
}

/** A month's Business Applications per workload, prepared on first read: only their metrics read them. */
export function workloadsAt(customer: PreparedCustomer, window: ScoringWindow, m: number): readonly PreparedWorkload[] {
  const i = offsetOf(window, m);
  if (i < 0) return NO_WORKLOADS;
  const usage = customer.usages[i];
  if (usage === undefined) return NO_WORKLOADS;
  return (customer.workloads[i] ??= workloadsOf(usage.bizApps, customer.ruleSet));
}

/** One month's numbers into the partner's array at `at`; ACR summed per area in cents, in locals (no array per month). */
function fillMonth(numbers: Float64Array, at: number, usage: MonthUsage): void {
  let infrastructure = 0;
  let dataAi = 0;
  let digitalAppInnovation = 0;
  let businessApplications = 0;
  let modernWork = 0;
  let security = 0;
  const services = usage.azureServices;
  for (let k = 0; k < services.length; k++) {
    const service = services[k]!;
    const c = cents(service.acrUsd);
    switch (service.area) {
      case 'infrastructure':
        infrastructure += c;
        break;
      case 'dataAi':
        dataAi += c;
        break;
      case 'digitalAppInnovation':
        digitalAppInnovation += c;
        break;
      case 'businessApplications':
        businessApplications += c;
        break;
      case 'modernWork':
        modernWork += c;
        break;
      case 'security':
        security += c;
        break;
    }
  }
  numbers[at] = usage.paidSeats;
  numbers[at + 1] = usage.activeUsers;
  numbers[at + 2] = usage.protectedUsers;
  numbers[at + 3] = fromCents(infrastructure);
  numbers[at + 4] = fromCents(dataAi);
  numbers[at + 5] = fromCents(digitalAppInnovation);
  numbers[at + 6] = fromCents(businessApplications);
  numbers[at + 7] = fromCents(modernWork);
  numbers[at + 8] = fromCents(security);
}

function prepareCustomer(
  customer: CustomerFacts,
  window: ScoringWindow,
  ruleSet: RuleSet,
  palExcluded: ReadonlySet<string>,
  numbers: Float64Array,
  base: number,
): PreparedCustomer {
  const { historyStart, evaluationMonth } = window;
  const length = window.monthNames.length;
  const usages: (MonthUsage | undefined)[] = new Array(length);
  // Looked up by name, one window month at a time: a walk over every key of the months given allocates a list of them.
  for (let i = 0; i < length; i++) {
    const usage = customer.months[window.monthNames[i]!];
    if (usage === undefined) continue;
    usages[i] = usage;
    fillMonth(numbers, base + i * MONTH_STRIDE, usage);
  }
  const associationMasks = new Uint8Array(length);
  for (const association of customer.associations) {
    if (association.type === 'PAL' && palExcluded.has(customer.country)) continue;
    // `from` and `to` are inclusive days, so the association is active in every month they touch.
    const first = Math.max(monthIndex(association.from), historyStart);
    const last = Math.min(association.to === undefined ? evaluationMonth : monthIndex(association.to), evaluationMonth);
    const bit = associationBit(association.type);
    for (let m = first; m <= last; m++) associationMasks[m - historyStart]! |= bit;
  }
  return {
    customerId: customer.customerId,
    production: customer.production,
    smb: customer.segment === 'smb',
    numbers,
    base,
    usages,
    workloads: new Array(length),
    ruleSet,
    associationMasks,
    runningSums: undefined,
  };
}

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
  /** Per-partner caches, filled on first use: part results (metric.ts), track decisions (classification.ts). */
  partResults?: Map<Part, Map<number, PartResult>>;
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

export function scoringContext(facts: PartnerFacts, ruleSet: RuleSet, asOf: string): ScoringContext {
  const window = scoringWindow(asOf, ruleSet.historyMonths);
  const palExcluded = new Set(ruleSet.palExcludedCountries);
  const countsUntil = countsUntilOf(ruleSet);
  // Sorted by id, so the document is the same whatever order the facts arrive in (file or database).
  const sorted = inOrder(facts.customers, byCustomerId);
  const perCustomer = window.monthNames.length * MONTH_STRIDE;
  // One array for the partner: a typed array per customer would cost an allocation outside the heap each.
  const numbers = new Float64Array(sorted.length * perCustomer);
  const customers = sorted.map((c, k) => prepareCustomer(c, window, ruleSet, palExcluded, numbers, k * perCustomer));
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

export function isEligibleIn(customer: PreparedCustomer, window: ScoringWindow, month: number, mask: number): boolean {
  return ((customer.associationMasks[month - window.historyStart] ?? 0) & mask) !== 0;
}

/**
 * The baseline month: Y, or the first later month with an eligible association,
 * so that only what happened after the association counts. Undefined if none up to M.
 */
export function baselineMonthOf(customer: PreparedCustomer, window: ScoringWindow, mask: number): number | undefined {
  for (let m = window.comparisonMonth; m <= window.evaluationMonth; m++) {
    if (isEligibleIn(customer, window, m, mask)) return m;
  }
  return undefined;
}
