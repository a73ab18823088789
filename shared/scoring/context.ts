import type { AzureServiceUsage, BizAppsUsage, CustomerFacts, MonthUsage, Person } from '../model/facts.js';
import type { PartnerFacts } from '../model/partner.js';
import type { SolutionArea } from '../model/primitives.js';
import { monthIndex } from '../dates.js';
import type { Classification, Part, RuleSet } from '../../rules/schema.js';
import type { TrackDecision } from './results.js';
import type { PartResult } from './kinds/types.js';
import { associationBit } from './associations.js';
import { cents, fromCents } from '../money.js';
import { scoringWindow, type ScoringWindow } from './window.js';
import { workloadsOf, type PreparedWorkload } from './workloads.js';

/**
 * One customer-month reduced to the numbers the metrics read, Azure ACR already summed per area.
 * Flat and of one shape: a thousand of these are built per partner, so they stay cheap (V8 hidden classes).
 */
export interface PreparedMonth {
  paidSeats: number;
  activeUsers: number;
  protectedUsers: number;
  acrInfrastructure: number;
  acrDataAi: number;
  acrDigitalAppInnovation: number;
  acrBusinessApplications: number;
  acrModernWork: number;
  acrSecurity: number;
  services: readonly AzureServiceUsage[];
  /** Business Applications as given; per workload, with MCV from the rate card, on first read (workloadsIn). */
  bizApps: BizAppsUsage;
  workloads: readonly PreparedWorkload[] | undefined;
  ruleSet: RuleSet | undefined;
}

/** A month's Business Applications per workload, prepared on first read: only their metrics read them. */
export function workloadsIn(month: PreparedMonth): readonly PreparedWorkload[] {
  return (month.workloads ??= workloadsOf(month.bizApps, month.ruleSet!));
}

export const ACR_FIELD: Record<SolutionArea, keyof PreparedMonth & `acr${string}`> = {
  infrastructure: 'acrInfrastructure',
  dataAi: 'acrDataAi',
  digitalAppInnovation: 'acrDigitalAppInnovation',
  businessApplications: 'acrBusinessApplications',
  modernWork: 'acrModernWork',
  security: 'acrSecurity',
};

/** A month without data: all zeros. */
export const EMPTY_MONTH: PreparedMonth = Object.freeze({
  paidSeats: 0,
  activeUsers: 0,
  protectedUsers: 0,
  acrInfrastructure: 0,
  acrDataAi: 0,
  acrDigitalAppInnovation: 0,
  acrBusinessApplications: 0,
  acrModernWork: 0,
  acrSecurity: 0,
  services: [],
  bizApps: {},
  workloads: [],
  ruleSet: undefined,
});

export interface PreparedCustomer {
  customerId: string;
  production: boolean;
  /** Microsoft's segment; absent in the facts means enterprise. */
  smb: boolean;
  /**
   * By month offset from window.historyStart, prepared on first read (monthAt): most rules read
   * M, Y and T, and only the promotion grace and 12-month totals reach further back. A month
   * without data is EMPTY_MONTH once read.
   */
  months: (PreparedMonth | undefined)[];
  /** The customer's months as given, and the rule set that prepares them. */
  source: Readonly<Record<string, MonthUsage>>;
  ruleSet: RuleSet;
  /** Association bits active on any day of each month, PAL already dropped where it never counts. */
  associationMasks: Uint8Array;
  /** Running sums of eligible cents by measure and mask, filled on first use (conditions.ts). */
  runningSums: Map<number, { sums: Float64Array; from: number }> | undefined;
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

function prepareMonth(usage: MonthUsage, ruleSet: RuleSet): PreparedMonth {
  // ACR is summed in whole cents (866.18 + 40.03 + 93.79 must reach 1,000 exactly), in locals: no array per month.
  let infrastructure = 0;
  let dataAi = 0;
  let digitalAppInnovation = 0;
  let businessApplications = 0;
  let modernWork = 0;
  let security = 0;
  for (const service of usage.azureServices) {
    const c = cents(service.acrUsd);
    switch (service.area) {
      case 'infrastructure': infrastructure += c; break;
      case 'dataAi': dataAi += c; break;
      case 'digitalAppInnovation': digitalAppInnovation += c; break;
      case 'businessApplications': businessApplications += c; break;
      case 'modernWork': modernWork += c; break;
      case 'security': security += c; break;
    }
  }
  return {
    paidSeats: usage.paidSeats,
    activeUsers: usage.activeUsers,
    protectedUsers: usage.protectedUsers,
    acrInfrastructure: fromCents(infrastructure),
    acrDataAi: fromCents(dataAi),
    acrDigitalAppInnovation: fromCents(digitalAppInnovation),
    acrBusinessApplications: fromCents(businessApplications),
    acrModernWork: fromCents(modernWork),
    acrSecurity: fromCents(security),
    services: usage.azureServices,
    bizApps: usage.bizApps,
    workloads: undefined,
    ruleSet,
  };
}

function prepareCustomer(customer: CustomerFacts, window: ScoringWindow, ruleSet: RuleSet, palExcluded: ReadonlySet<string>): PreparedCustomer {
  const { historyStart, evaluationMonth } = window;
  const length = window.monthNames.length;
  const months: (PreparedMonth | undefined)[] = new Array(length);
  // Y to M, which nearly every metric reads, in one tight loop; the older months on first read.
  for (let i = window.comparisonMonth - historyStart; i < length; i++) {
    const usage = customer.months[window.monthNames[i]!];
    months[i] = usage === undefined ? EMPTY_MONTH : prepareMonth(usage, ruleSet);
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
    months,
    source: customer.months,
    ruleSet,
    associationMasks,
    runningSums: undefined,
  };
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
  const customers = inOrder(facts.customers, byCustomerId).map((c) => prepareCustomer(c, window, ruleSet, palExcluded));
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

/** A customer-month as the metrics read it, prepared on first read (zeros when there is no data). */
export function monthAt(customer: PreparedCustomer, window: ScoringWindow, month: number): PreparedMonth {
  const i = month - window.historyStart;
  const prepared = customer.months[i];
  if (prepared !== undefined) return prepared;
  if (i < 0 || i >= customer.months.length) return EMPTY_MONTH;
  // Look up just this month by name: enumerating every key of a large map costs more.
  const usage = customer.source[window.monthNames[i]!];
  return (customer.months[i] = usage === undefined ? EMPTY_MONTH : prepareMonth(usage, customer.ruleSet));
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
