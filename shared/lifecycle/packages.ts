import type { BenefitPackage, LegacyRules } from '../../rules/lifecycleSchema.js';
import type { IsoDate } from '../dates.js';
import { invalidField, refused, type Refusal } from '../refusal.js';
import { isAnniversary } from './anniversary.js';
import { activeAreas, type Membership } from './membership.js';

export interface LegacyCompetency {
  competency: string;
  level: 'silver' | 'gold';
  earnedOn: IsoDate;
}

const LEGACY_OFFERS: readonly BenefitPackage[] = ['legacyGold', 'legacySilver', 'actionPack'];

export function legacyCutoffMessage(rules: LegacyRules): string {
  return `legacy Silver/Gold and Action Pack benefits can be bought or renewed only for an anniversary on or before ${rules.lastLegacyPurchase}, chosen on or before that day; the offer is gone since the day after`;
}

/** No legacy competency could be attained after the program's change (2022-09-30). */
export function checkLegacyCompetency(c: LegacyCompetency, rules: LegacyRules): Refusal | undefined {
  if (!rules.competencies.some((x) => x.id === c.competency))
    return invalidField('competency', `unknown legacy competency ${c.competency}`);
  if (c.earnedOn > rules.lastCompetencyAttainment)
    return refused('competencyTooLate', `no competency could be attained after ${rules.lastCompetencyAttainment}`);
  return undefined;
}

/**
 * Whether the partner may choose this package for the anniversary `for`, on `chosenOn`: only for
 * one of its anniversaries not yet past; legacy and Action Pack only up to the cutoff; the
 * designation package only with an active designation; legacy levels only with such a competency.
 */
export function checkPackageChoice(
  membership: Membership,
  competencies: readonly LegacyCompetency[],
  choice: BenefitPackage,
  anniversaryDay: IsoDate,
  chosenOn: IsoDate,
  rules: LegacyRules,
): Refusal | undefined {
  if (!membership.anniversary || !isAnniversary(membership.anniversary, anniversaryDay)) {
    return invalidField(
      'anniversary',
      `${anniversaryDay} is not one of the partner's anniversaries; the package changes only at an anniversary`,
    );
  }
  if (chosenOn > anniversaryDay)
    return refused('choiceTooLate', `the package for ${anniversaryDay} had to be chosen on or before that day`);
  if (LEGACY_OFFERS.includes(choice)) {
    if (anniversaryDay > rules.lastLegacyPurchase || chosenOn > rules.lastLegacyPurchase)
      return refused('legacyCutoff', legacyCutoffMessage(rules));
    if (choice === 'legacyGold' && !competencies.some((c) => c.level === 'gold'))
      return refused('needsGoldCompetency', 'legacy Gold benefits need a Gold competency');
    if (choice === 'legacySilver' && competencies.length === 0)
      return refused('needsCompetency', 'legacy Silver benefits need a Silver or Gold competency');
  }
  if (choice === 'designation' && activeAreas(membership).length === 0)
    return refused('needsActiveDesignation', 'the designation package needs at least one active designation');
  return undefined;
}

/**
 * The package in force from an anniversary: the one chosen for it, else the previous one. Legacy
 * benefits ending after the cutoff move the partner to `designation` (with an active designation)
 * or `none`, with the reason.
 */
export function packageAtAnniversary(
  membership: Membership,
  previous: BenefitPackage,
  chosen: BenefitPackage | undefined,
  anniversaryDay: IsoDate,
  rules: LegacyRules,
): { package: BenefitPackage; notes: string[] } {
  const pkg = chosen ?? previous;
  if (LEGACY_OFFERS.includes(pkg) && anniversaryDay > rules.lastLegacyPurchase) {
    const next: BenefitPackage = activeAreas(membership).length > 0 ? 'designation' : 'none';
    return { package: next, notes: [`${pkg} benefits ended on ${anniversaryDay}: ${legacyCutoffMessage(rules)}; moved to ${next}`] };
  }
  return { package: pkg, notes: [] };
}
