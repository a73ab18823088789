import { z } from 'zod';
import { IsoDate, SolutionArea } from './primitives.js';

const PACKAGES = ['designation', 'legacyGold', 'legacySilver', 'actionPack', 'none'] as const;
export const BenefitPackage = z.enum(PACKAGES);
export type BenefitPackage = z.infer<typeof BenefitPackage>;

export const FeeSchedule = z.strictObject({
  fees: z
    .array(z.strictObject({ package: BenefitPackage, usd: z.number().nonnegative(), effectiveFrom: IsoDate, source: z.string().min(1) }))
    .min(1)
    .refine((fees) => PACKAGES.every((p) => fees.some((f) => f.package === p)), 'every package needs a fee'),
});
export type FeeSchedule = z.infer<typeof FeeSchedule>;

export const LegacyRules = z.strictObject({
  lastCompetencyAttainment: IsoDate,
  lastLegacyPurchase: IsoDate,
  competencies: z
    .array(
      z.strictObject({ id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), name: z.string().min(1), areas: z.array(SolutionArea).min(1) }),
    )
    .length(18, 'the program had 18 legacy competencies'),
});
export type LegacyRules = z.infer<typeof LegacyRules>;

/** When the renewal steps fall, relative to the anniversary A. */
export const RenewalTerms = z.strictObject({
  source: z.string().min(1),
  windowStartMonthsBefore: z.number().int().min(0).max(11),
  previewDaysBefore: z.number().int().min(1).max(180),
  feeDueDaysAfter: z.number().int().min(1).max(180),
});
export type RenewalTerms = z.infer<typeof RenewalTerms>;

/** What a renewal is worked out with. */
export interface RenewalRules {
  fees: FeeSchedule;
  legacy: LegacyRules;
  terms: RenewalTerms;
}

export const SpecializationCatalogue = z.strictObject({
  source: z.string(),
  specializations: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), name: z.string().min(1), area: SolutionArea }))
    .min(1),
});
export type SpecializationCatalogue = z.infer<typeof SpecializationCatalogue>;

const Benefit = z.strictObject({ benefit: z.string().min(1), quantity: z.string().min(1) });
export type Benefit = z.infer<typeof Benefit>;

/** Benefits per designation, per specialization (only some are known from the seeds) and per legacy package. */
export const BenefitCatalogue = z.strictObject({
  source: z.string(),
  byDesignation: z.record(SolutionArea, z.array(Benefit).min(1)),
  bySpecialization: z.record(z.string(), z.array(Benefit)),
  byLegacyPackage: z.record(z.enum(['legacyGold', 'legacySilver', 'actionPack']), z.array(Benefit).min(1)),
});
export type BenefitCatalogue = z.infer<typeof BenefitCatalogue>;
