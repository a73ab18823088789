import type { BenefitPackage, RenewalRules } from '../../rules/lifecycleSchema.js';
import type { IsoDate } from '../dates.js';
import { activeAreas, packageInForce, type Membership } from './membership.js';
import { packageAtAnniversary } from './packages.js';
import { renewalRecord, type QualifiedDay, type RenewalRecord } from './renewal.js';

/**
 * What the renewal at A will be (the preview) or is (on A): the package chosen for A, else the one
 * in force, moved off legacy after the cutoff; then what renews, what lapses, and the fee.
 * Undefined for a partner with nothing to renew: no active designation, no package, no choice.
 */
export function planRenewal(
  membership: Membership,
  history: readonly QualifiedDay[],
  anniversaryDay: IsoDate,
  chosen: BenefitPackage | undefined,
  rules: RenewalRules,
): RenewalRecord | undefined {
  const previous = packageInForce(membership);
  if (chosen === undefined && previous === 'none' && activeAreas(membership).length === 0) return undefined;
  const { package: pkg, notes } = packageAtAnniversary(membership, previous, chosen, anniversaryDay, rules.legacy);
  return renewalRecord(membership, history, anniversaryDay, pkg, rules, notes);
}
