import { z } from 'zod';
import { IsoDate, SolutionArea } from '../shared/model/primitives.js';

export const PACKAGES = ['designation', 'legacyGold', 'legacySilver', 'actionPack', 'none'] as const;
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
    .array(z.strictObject({ id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), name: z.string().min(1), areas: z.array(SolutionArea).min(1) }))
    .length(18, 'the program had 18 legacy competencies'),
});
export type LegacyRules = z.infer<typeof LegacyRules>;
