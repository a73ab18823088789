import type { FeeSchedule, BenefitPackage } from '../../rules/lifecycleSchema.js';
import type { IsoDate } from '../dates.js';
import type { SolutionArea } from '../model/primitives.js';
import { feeDeadline, renewalWindowStart } from './anniversary.js';
import { activeAreas, type LifecycleEvent, type Membership } from './membership.js';

/** One evaluated day of the score history: which areas qualified. */
export interface QualifiedDay {
  day: IsoDate;
  qualifies: Partial<Record<SolutionArea, boolean>>;
}

export interface Payment {
  reference: string;
  amountUsd: number;
  paidOn: IsoDate;
}

/** One per partner per anniversary: the package, what renewed and lapsed, the fee and its payments. */
export interface RenewalRecord {
  anniversary: IsoDate;
  package: BenefitPackage;
  renewed: SolutionArea[];
  lapsed: SolutionArea[];
  feeUsd: number;
  payments: Payment[];
  paid: boolean;
  notes: string[];
}

/** Which active designations renew at A: those whose area qualified on some evaluated day of the window. */
export function renewalOutcome(membership: Membership, history: readonly QualifiedDay[], anniversaryDay: IsoDate): { renew: SolutionArea[]; lapse: SolutionArea[] } {
  const from = renewalWindowStart(anniversaryDay);
  const inWindow = history.filter((d) => d.day >= from && d.day <= anniversaryDay);
  const renew: SolutionArea[] = [];
  const lapse: SolutionArea[] = [];
  for (const area of activeAreas(membership)) (inWindow.some((d) => d.qualifies[area] === true) ? renew : lapse).push(area);
  return { renew, lapse };
}

export function feeFor(schedule: FeeSchedule, pkg: BenefitPackage, day: IsoDate): number {
  const inForce = schedule.fees.filter((f) => f.package === pkg && f.effectiveFrom <= day).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const fee = inForce.at(-1);
  if (!fee) throw new Error(`no ${pkg} fee in force on ${day}`);
  return fee.usd;
}

/**
 * The renewal at anniversary A with the package in force for it. Designations that did not
 * requalify lapse on A; one fee is due per partner, however many designations renew.
 */
export function renew(
  membership: Membership,
  history: readonly QualifiedDay[],
  anniversaryDay: IsoDate,
  pkg: BenefitPackage,
  schedule: FeeSchedule,
  notes: string[] = [],
): { membership: Membership; record: RenewalRecord; events: LifecycleEvent[] } {
  const { renew: renewed, lapse: lapsed } = renewalOutcome(membership, history, anniversaryDay);
  const designations = { ...membership.designations };
  const events: LifecycleEvent[] = [];
  for (const area of lapsed) {
    designations[area] = { ...designations[area]!, status: 'lapsed', atRisk: false, lapsedOn: anniversaryDay, lapseReason: 'notRequalified' };
    events.push({ type: 'lapsed', area, on: anniversaryDay, reason: 'notRequalified' });
  }
  for (const area of renewed) events.push({ type: 'renewed', area, on: anniversaryDay });
  let packageInForce = pkg;
  const recordNotes = [...notes];
  if (pkg === 'designation' && renewed.length === 0) {
    packageInForce = 'none';
    recordNotes.push('no designation renewed, so there is no designation benefits package to pay for');
  }
  const feeUsd = feeFor(schedule, packageInForce, anniversaryDay);
  return {
    membership: { ...membership, designations },
    record: { anniversary: anniversaryDay, package: packageInForce, renewed, lapsed, feeUsd, payments: [], paid: feeUsd === 0, notes: recordNotes },
    events,
  };
}

/** Records a payment; the same reference twice is one payment. */
export function recordPayment(record: RenewalRecord, payment: Payment): { record: RenewalRecord; duplicate: boolean } {
  if (record.payments.some((p) => p.reference === payment.reference)) return { record, duplicate: true };
  const payments = [...record.payments, payment];
  return { record: { ...record, payments, paid: payments.reduce((sum, p) => sum + p.amountUsd, 0) >= record.feeUsd }, duplicate: false };
}

/** A fee still unpaid 30 days after A lapses what renewed on A (reason: fee unpaid). Repeating it changes nothing. */
export function lapseUnpaid(membership: Membership, record: RenewalRecord, day: IsoDate): { membership: Membership; events: LifecycleEvent[] } {
  if (record.paid || day < feeDeadline(record.anniversary)) return { membership, events: [] };
  const designations = { ...membership.designations };
  const events: LifecycleEvent[] = [];
  for (const area of record.renewed) {
    const d = designations[area];
    if (d?.status !== 'active') continue;
    designations[area] = { ...d, status: 'lapsed', atRisk: false, lapsedOn: day, lapseReason: 'feeUnpaid' };
    events.push({ type: 'lapsed', area, on: day, reason: 'feeUnpaid' });
  }
  return { membership: { ...membership, designations }, events };
}
