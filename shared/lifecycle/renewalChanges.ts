import type { BenefitPackage } from '../../rules/lifecycleSchema.js';
import type { SolutionArea } from '../model/primitives.js';
import { refused, type RefusalOf } from '../refusal.js';
import { checkPayment, recordPayment, type Payment, type RenewalRecord } from './renewal.js';

/**
 * One anniversary's renewal as the decisions below read it: the package chosen for it, its record
 * once it has run, and the fee-due check. The store applies what these return on the document's
 * ETag, so each decision is made on the renewal as it stands when it is written.
 */
export interface RenewalState {
  anniversary: string;
  choice?: { package: BenefitPackage; chosenOn: string };
  record?: RenewalRecord;
  feeDue?: { checkedOn: string; lapsed: SolutionArea[] };
}

/** The package for an anniversary, chosen before it renews: once it has run, the one it ran with stays. */
export function withPackageChoice<R extends RenewalState>(renewal: R, choice: BenefitPackage, chosenOn: string): R | RefusalOf<'refused'> {
  if (renewal.record)
    return refused('alreadyRenewed', `the renewal at ${renewal.anniversary} has already run with the package ${renewal.record.package}`);
  return { ...renewal, choice: { package: choice, chosenOn } };
}

/** The renewal that has run, or why a fee cannot be paid or checked on it yet. */
export function ranRenewal<R extends RenewalState>(renewal: R): (R & { record: RenewalRecord }) | RefusalOf<'refused'> {
  return renewal.record
    ? (renewal as R & { record: RenewalRecord })
    : refused('notRenewedYet', `the renewal at ${renewal.anniversary} has not run yet, so no fee is due`);
}

/**
 * A payment of the fee: the same reference twice is one payment (`duplicate`, nothing changes);
 * refused before the renewal has run, when nothing is due or it is more than outstanding, and once
 * the fee-due check has lapsed what renewed for non-payment.
 */
export function withPayment<R extends RenewalState>(
  renewal: R,
  payment: Payment,
): { renewal: R; duplicate: boolean } | RefusalOf<'refused'> {
  const ran = ranRenewal(renewal);
  if ('kind' in ran) return ran;
  const refusal = checkPayment(ran.record, payment);
  if (refusal) return refusal;
  const taken = recordPayment(ran.record, payment);
  if (taken.duplicate) return { renewal, duplicate: true };
  if (renewal.feeDue && renewal.feeDue.lapsed.length > 0)
    return refused(
      'lapsedForNonPayment',
      `the fee for ${renewal.anniversary} was still unpaid on ${renewal.feeDue.checkedOn}, and what renewed lapsed then; this payment was not taken`,
    );
  return { renewal: { ...renewal, record: taken.record }, duplicate: false };
}
