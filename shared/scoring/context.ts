import type { AzureServiceUsage, CustomerFacts, Person } from '../model/facts.js';
import type { PartnerFacts } from '../model/partner.js';
import type { SolutionArea } from '../model/primitives.js';
import { monthIndex } from '../dates.js';
import type { RuleSet } from '../../rules/schema.js';
import { associationBit } from './associations.js';
import { HISTORY_MONTHS, scoringWindow, type ScoringWindow } from './window.js';

/**
 * One customer-month reduced to the numbers the metrics read, Azure ACR already summed per area.
 * Flat and of one shape: a thousand of these are built per partner, so they stay cheap (V8 hidden classes).
 */
export interface PreparedMonth {
  paidSeats: number;
  activeUsers: number;
  protectedUsers: number;
  bizAppsRevenue: number;
  bizAppsMcv: number;
  acrInfrastructure: number;
  acrDataAi: number;
  acrDigitalAppInnovation: number;
  acrBusinessApplications: number;
  acrModernWork: number;
  acrSecurity: number;
  services: readonly AzureServiceUsage[];
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
export const EMPTY_MONTH: PreparedMonth = Object.freeze(
  prepareMonth({ paidSeats: 0, activeUsers: 0, protectedUsers: 0, azureServices: [], bizApps: { revenueUsd: 0, mcv: 0 } }),
);

export interface PreparedCustomer {
  customerId: string;
  production: boolean;
  /** By month offset from window.historyStart; undefined means no data, read as zeros. */
  months: (PreparedMonth | undefined)[];
  /** Association bits active on any day of each month, PAL already dropped where it never counts. */
  associationMasks: Uint8Array;
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
}

// A declaration, so EMPTY_MONTH above can be built with it.
function prepareMonth(usage: CustomerFacts['months'][string]): PreparedMonth {
  const month: PreparedMonth = {
    paidSeats: usage.paidSeats,
    activeUsers: usage.activeUsers,
    protectedUsers: usage.protectedUsers,
    bizAppsRevenue: usage.bizApps.revenueUsd,
    bizAppsMcv: usage.bizApps.mcv,
    acrInfrastructure: 0,
    acrDataAi: 0,
    acrDigitalAppInnovation: 0,
    acrBusinessApplications: 0,
    acrModernWork: 0,
    acrSecurity: 0,
    services: usage.azureServices,
  };
  for (const service of usage.azureServices) month[ACR_FIELD[service.area]] += service.acrUsd;
  return month;
}

function prepareCustomer(customer: CustomerFacts, window: ScoringWindow, palExcluded: ReadonlySet<string>): PreparedCustomer {
  const { historyStart, evaluationMonth } = window;
  const months: (PreparedMonth | undefined)[] = new Array(HISTORY_MONTHS);
  // Look up just the window's months by name: enumerating every key of a large map costs more.
  for (let i = 0; i < HISTORY_MONTHS; i++) {
    const usage = customer.months[window.monthNames[i]!];
    if (usage !== undefined) months[i] = prepareMonth(usage);
  }
  const associationMasks = new Uint8Array(HISTORY_MONTHS);
  for (const association of customer.associations) {
    if (association.type === 'PAL' && palExcluded.has(customer.country)) continue;
    // `from` and `to` are inclusive days, so the association is active in every month they touch.
    const first = Math.max(monthIndex(association.from), historyStart);
    const last = Math.min(association.to === undefined ? evaluationMonth : monthIndex(association.to), evaluationMonth);
    const bit = associationBit(association.type);
    for (let m = first; m <= last; m++) associationMasks[m - historyStart]! |= bit;
  }
  return { customerId: customer.customerId, production: customer.production, months, associationMasks };
}

/** A person counts on D if linked on or before D and not unlinked on or before D. */
export function isLinkedOn(person: Person, day: string): boolean {
  return person.linkedOn <= day && (person.unlinkedOn === undefined || person.unlinkedOn > day);
}

/** A certification is held on D if earned on or before D and not yet expired (expiresOn is the first day without it). */
export function certificationsHeldOn(person: Person, day: string): Set<string> {
  const held = new Set<string>();
  for (const c of person.certifications) if (c.earnedOn <= day && (c.expiresOn === undefined || c.expiresOn > day)) held.add(c.id);
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
  const window = scoringWindow(asOf);
  const palExcluded = new Set(ruleSet.palExcludedCountries);
  // Sorted by id, so the document is the same whatever order the facts arrive in (file or database).
  const customers = inOrder(facts.customers, byCustomerId).map((c) => prepareCustomer(c, window, palExcluded));
  return {
    window,
    ruleSet,
    customers,
    productionCustomers: customers.filter((c) => c.production),
    people: inOrder(facts.people, byPersonId)
      .filter((p) => isLinkedOn(p, asOf))
      .map((p) => ({ personId: p.personId, held: certificationsHeldOn(p, asOf) })),
  };
}

export function monthAt(customer: PreparedCustomer, window: ScoringWindow, month: number): PreparedMonth {
  return customer.months[month - window.historyStart] ?? EMPTY_MONTH;
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
