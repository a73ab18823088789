import type { FeeSchedule, BenefitPackage, RenewalRules, RenewalTerms } from '../../rules/lifecycleSchema.js';
import type { IsoDate } from '../dates.js';
import type { SolutionArea } from '../model/primitives.js';
import { renewalWindowStart } from './anniversary.js';
import { stepDay } from './schedule.js';
import { activeAreas, AZURE_AREAS, smbSeenBetween, type LifecycleEvent, type Membership } from './membership.js';
import type { Path } from '../../rules/schema.js';
import { refused, type RefusalOf } from '../refusal.js';
import { cents } from '../money.js';

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
  /** Azure designations renewed on A: the track enrolled on for the coming year (SMB if SMB on any day of the window). */
  enrollmentTracks?: Partial<Record<SolutionArea, Path>>;
}

/** Which active designations renew at A: those whose area qualified on some evaluated day of the window. */
export function renewalOutcome(
  membership: Membership,
  history: readonly QualifiedDay[],
  anniversaryDay: IsoDate,
  terms: RenewalTerms,
): { renew: SolutionArea[]; lapse: SolutionArea[] } {
  const from = renewalWindowStart(anniversaryDay, terms);
  const inWindow = history.filter((d) => d.day >= from && d.day <= anniversaryDay);
  const renew: SolutionArea[] = [];
  const lapse: SolutionArea[] = [];
  for (const area of activeAreas(membership)) (inWindow.some((d) => d.qualifies[area] === true) ? renew : lapse).push(area);
  return { renew, lapse };
}

export function feeFor(schedule: FeeSchedule, pkg: BenefitPackage, day: IsoDate): number {
  const inForce = schedule.fees
    .filter((f) => f.package === pkg && f.effectiveFrom <= day)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const fee = inForce.at(-1);
  if (!fee) throw new Error(`no ${pkg} fee in force on ${day}`);
  return fee.usd;
}

/**
 * The renewal at anniversary A with the package in force for it. Designations that did not
 * requalify lapse on A; one fee is due per partner, however many designations renew.
 */
export function renewalRecord(
  membership: Membership,
  history: readonly QualifiedDay[],
  anniversaryDay: IsoDate,
  pkg: BenefitPackage,
  rules: Pick<RenewalRules, 'fees' | 'terms'>,
  notes: string[] = [],
): RenewalRecord {
  const { renew: renewed, lapse: lapsed } = renewalOutcome(membership, history, anniversaryDay, rules.terms);
  let packageInForce = pkg;
  const recordNotes = [...notes];
  if (pkg === 'designation' && renewed.length === 0) {
    packageInForce = 'none';
    recordNotes.push('no designation renewed, so there is no designation benefits package to pay for');
  }
  const feeUsd = feeFor(rules.fees, packageInForce, anniversaryDay);
  const smb = smbSeenBetween(membership, renewalWindowStart(anniversaryDay, rules.terms), anniversaryDay);
  const azureRenewed = renewed.filter((area) => AZURE_AREAS.includes(area));
  const enrollmentTracks =
    smb === undefined || azureRenewed.length === 0
      ? undefined
      : (Object.fromEntries(azureRenewed.map((area) => [area, smb ? 'smb' : 'enterprise'])) as Partial<Record<SolutionArea, Path>>);
  return {
    anniversary: anniversaryDay,
    package: packageInForce,
    renewed,
    lapsed,
    feeUsd,
    payments: [],
    paid: feeUsd === 0,
    notes: recordNotes,
    ...(enrollmentTracks ? { enrollmentTracks } : {}),
  };
}

/**
 * Lapses the active designations of these areas on a day. One attained after the anniversary A is
 * a new designation, not the one A's renewal was about, and stays.
 */
function lapse(
  membership: Membership,
  areas: readonly SolutionArea[],
  anniversaryDay: IsoDate,
  on: IsoDate,
  reason: 'notRequalified' | 'feeUnpaid',
): { membership: Membership; events: LifecycleEvent[] } {
  const designations = { ...membership.designations };
  const events: LifecycleEvent[] = [];
  for (const area of areas) {
    const d = designations[area];
    if (d?.status !== 'active' || d.attainedOn > anniversaryDay) continue;
    designations[area] = { ...d, status: 'lapsed', atRisk: false, lapsedOn: on, lapseReason: reason };
    events.push({ type: 'lapsed', area, on, reason });
  }
  return { membership: { ...membership, designations }, events };
}

/**
 * Applies a renewal record to the membership: what did not requalify lapses on A, and the package
 * is in force from A. Applying the same anniversary again changes nothing, so a retried or
 * duplicated renewal message is harmless.
 */
export function applyRenewal(membership: Membership, record: RenewalRecord): { membership: Membership; events: LifecycleEvent[] } {
  const A = record.anniversary;
  if (membership.lastRenewal !== undefined && membership.lastRenewal >= A) return { membership, events: [] };
  const lapsed = lapse(membership, record.lapsed, A, A, 'notRequalified');
  const designations = { ...lapsed.membership.designations };
  for (const [area, track] of Object.entries(record.enrollmentTracks ?? {}) as [SolutionArea, Path][]) {
    const d = designations[area];
    if (d?.status === 'active') designations[area] = { ...d, enrollmentTrack: track };
  }
  const events = [
    ...lapsed.events,
    ...record.renewed.map((area): LifecycleEvent => ({ type: 'renewed', area, on: A })),
    { type: 'packageInForce' as const, package: record.package, on: A },
  ];
  return { membership: { ...lapsed.membership, designations, package: record.package, lastRenewal: A }, events };
}

const outstandingCents = (record: RenewalRecord) => cents(record.feeUsd) - record.payments.reduce((sum, p) => sum + cents(p.amountUsd), 0);

/** What is still to pay of the fee, in USD (never below 0). */
export const outstandingUsd = (record: RenewalRecord): number => Math.max(0, outstandingCents(record)) / 100;

/** At most this many payments on one renewal record. */
export const MAX_PAYMENTS_PER_RENEWAL = 50;

/**
 * Whether a payment can be taken: only for a fee that is due and not yet paid, at most what is
 * outstanding, and a reference seen before only with the same amount (then it is the same payment).
 */
export function checkPayment(record: RenewalRecord, payment: Pick<Payment, 'reference' | 'amountUsd'>): RefusalOf<'refused'> | undefined {
  const earlier = record.payments.find((p) => p.reference === payment.reference);
  if (earlier)
    return earlier.amountUsd === payment.amountUsd
      ? undefined
      : refused('referenceReused', `reference ${payment.reference} was already used for a payment of ${earlier.amountUsd} USD`);
  if (record.feeUsd === 0)
    return refused('noFeeDue', `no fee is due for the anniversary ${record.anniversary} (package ${record.package})`);
  const outstanding = outstandingCents(record);
  if (outstanding <= 0) return refused('alreadyPaid', `the fee for the anniversary ${record.anniversary} is already paid`);
  if (cents(payment.amountUsd) > outstanding)
    return refused(
      'moreThanOutstanding',
      `${payment.amountUsd} USD is more than the ${outstanding / 100} USD outstanding for the anniversary ${record.anniversary}`,
    );
  // The record stays small, and the last payment allowed settles the fee, so the fee check can always run.
  if (record.payments.length >= MAX_PAYMENTS_PER_RENEWAL - 1 && cents(payment.amountUsd) < outstanding) {
    return refused(
      'tooManyPayments',
      `a renewal takes at most ${MAX_PAYMENTS_PER_RENEWAL} payments: this one, number ${record.payments.length + 1}, must settle the ${outstanding / 100} USD outstanding for the anniversary ${record.anniversary}`,
    );
  }
  return undefined;
}

/** Records a payment; the same reference twice is one payment. */
export function recordPayment(record: RenewalRecord, payment: Payment): { record: RenewalRecord; duplicate: boolean } {
  if (record.payments.some((p) => p.reference === payment.reference)) return { record, duplicate: true };
  const next = { ...record, payments: [...record.payments, payment] };
  return { record: { ...next, paid: outstandingCents(next) <= 0 }, duplicate: false };
}

/** A fee still unpaid 30 days after A lapses what renewed on A (reason: fee unpaid). Repeating it changes nothing. */
export function lapseUnpaid(
  membership: Membership,
  record: RenewalRecord,
  day: IsoDate,
  terms: RenewalTerms,
): { membership: Membership; events: LifecycleEvent[] } {
  if (record.paid || day < stepDay(record.anniversary, 'feeDue', terms)) return { membership, events: [] };
  return lapse(membership, record.renewed, record.anniversary, day, 'feeUnpaid');
}
