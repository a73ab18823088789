import type { AzureServiceUsage, CustomerFacts, MonthUsage } from '../model/facts.js';
import type { SolutionArea } from '../model/primitives.js';
import { monthIndex } from '../dates.js';
import type { RuleSet } from '../../rules/schema.js';
import { associationBit } from './associations.js';
import { cents, fromCents } from '../money.js';
import type { ScoringWindow } from './window.js';
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
  /**
   * The first month offset read so far. The 24 months to M, which nearly every rule reads, are read
   * at once; the older ones (only a 12-month total at Y or the promotion grace reach them) on first
   * use, by ensureMonthsFrom.
   */
  readFrom: number;
  source: Readonly<Record<string, MonthUsage>>;
  /** Business Applications per workload by month offset, prepared on first read (workloadsAt). */
  workloads: (readonly PreparedWorkload[] | undefined)[] | undefined;
  ruleSet: RuleSet;
  /** Association bits active on any day of each month, PAL already dropped where it never counts. */
  associationMasks: Uint8Array;
  /** The customer's place among the partner's (customers in id order), and what they share. */
  index: number;
  partner: PartnerCaches;
}

/** What a partner's customers share: running sums of eligible cents by measure and mask for all of them, filled on first use (conditions.ts). */
export interface PartnerCaches {
  customers: number;
  runningSums: Map<number, { sums: Float64Array; from: Int16Array }>;
}

const NO_SERVICES: readonly AzureServiceUsage[] = Object.freeze([]);
const NO_WORKLOADS: readonly PreparedWorkload[] = Object.freeze([]);

/** The month offset of month m in the window, or -1 outside it (no data there). */
function offsetOf(window: ScoringWindow, m: number): number {
  const i = m - window.historyStart;
  return i >= 0 && i < window.monthNames.length ? i : -1;
}

/** Months read at once: M back to the start of Y's 12-month total. */
const EAGER_MONTHS = 24;

/** Reads the customer's months from offset `from` on, if not read yet (the older ones are read on first use). */
export function ensureMonthsFrom(customer: PreparedCustomer, window: ScoringWindow, from: number): void {
  if (from >= customer.readFrom) return;
  readMonths(customer.source, window, customer.numbers, customer.base, customer.usages, Math.max(from, 0), customer.readFrom);
  customer.readFrom = Math.max(from, 0);
}

/** Where customer-month m's numbers start, or -1 outside the window (every measure reads 0 there). */
export function numbersAt(customer: PreparedCustomer, window: ScoringWindow, m: number): number {
  const i = offsetOf(window, m);
  if (i < 0) return -1;
  if (i < customer.readFrom) ensureMonthsFrom(customer, window, i);
  return customer.base + i * MONTH_STRIDE;
}

/** The month as given at offset i (undefined: no data), read first if it is an older one. */
function usageAt(customer: PreparedCustomer, window: ScoringWindow, i: number): MonthUsage | undefined {
  if (i < customer.readFrom) ensureMonthsFrom(customer, window, i);
  return customer.usages[i];
}

/** The Azure services of customer-month m as given (none outside the window). */
export function servicesAt(customer: PreparedCustomer, window: ScoringWindow, m: number): readonly AzureServiceUsage[] {
  const i = offsetOf(window, m);
  return i < 0 ? NO_SERVICES : (usageAt(customer, window, i)?.azureServices ?? NO_SERVICES);
}

/** A month's Business Applications per workload, prepared on first read: only their metrics read them. */
export function workloadsAt(customer: PreparedCustomer, window: ScoringWindow, m: number): readonly PreparedWorkload[] {
  const i = offsetOf(window, m);
  if (i < 0) return NO_WORKLOADS;
  const usage = usageAt(customer, window, i);
  if (usage === undefined) return NO_WORKLOADS;
  // The list is made for the customers whose Business Applications are read, not for every customer.
  const prepared = (customer.workloads ??= new Array(customer.usages.length));
  return (prepared[i] ??= workloadsOf(usage.bizApps, customer.ruleSet));
}

/** Months [from, to) of the window: each looked up by name (a walk over every key given would allocate a list of them) and its numbers filled. */
function readMonths(
  source: Readonly<Record<string, MonthUsage>>,
  window: ScoringWindow,
  numbers: Float64Array,
  base: number,
  usages: (MonthUsage | undefined)[],
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    const usage = source[window.monthNames[i]!];
    if (usage === undefined) continue;
    usages[i] = usage;
    fillMonth(numbers, base + i * MONTH_STRIDE, usage);
  }
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

export function prepareCustomer(
  customer: CustomerFacts,
  window: ScoringWindow,
  ruleSet: RuleSet,
  palExcluded: ReadonlySet<string>,
  numbers: Float64Array,
  index: number,
  partner: PartnerCaches,
): PreparedCustomer {
  const base = index * window.monthNames.length * MONTH_STRIDE;
  const { historyStart, evaluationMonth } = window;
  const length = window.monthNames.length;
  const usages: (MonthUsage | undefined)[] = new Array(length);
  const readFrom = Math.max(length - EAGER_MONTHS, 0);
  readMonths(customer.months, window, numbers, base, usages, readFrom, length);
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
    readFrom,
    source: customer.months,
    workloads: undefined,
    ruleSet,
    associationMasks,
    index,
    partner,
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
