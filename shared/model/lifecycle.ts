import { z } from 'zod';
import { BenefitPackage } from '../../rules/lifecycleSchema.js';
import { PATHS } from '../../rules/schema.js';
import { PartnerPath } from './api.js';
import { Identifier, IsoDate, SolutionArea } from './primitives.js';

export const CompetencyPath = PartnerPath.extend({ competency: Identifier });
export const SpecializationPath = PartnerPath.extend({ specializationId: Identifier });
export const RenewalPath = PartnerPath.extend({ anniversary: IsoDate });

/** What the daily renewal job does for one partner and one anniversary A: the preview before A, the renewal on A, the fee check after. */
export const RENEWAL_STEPS = ['preview', 'renew', 'feeDue'] as const;
export type RenewalStep = (typeof RENEWAL_STEPS)[number];

export const LegacyCompetencyBody = z.strictObject({ level: z.enum(['silver', 'gold']), earnedOn: IsoDate });
export const LegacyCompetencyView = LegacyCompetencyBody.extend({ competency: Identifier });

export const SpecializationBody = z.strictObject({ attainedOn: IsoDate });
export const SpecializationView = z.object({
  id: Identifier,
  name: z.string(),
  area: SolutionArea,
  attainedOn: IsoDate,
  active: z.boolean(),
});
export const Specializations = z.object({ specializations: z.array(SpecializationView) });

export const PackageChoiceBody = z.strictObject({ package: BenefitPackage });

/** No fee comes near it; a payment is at most what is outstanding anyway. */
const MAX_PAYMENT_USD = 1_000_000;

export const PaymentBody = z.strictObject({
  amountUsd: z
    .number()
    .min(0.01, 'at least 0.01 USD')
    .max(MAX_PAYMENT_USD, `at most ${MAX_PAYMENT_USD} USD`)
    .multipleOf(0.01, 'whole cents'),
  /** The payment's reference (an invoice or transaction id): the same reference twice is one payment. */
  reference: z.string().trim().min(1).max(100),
});

/** A partner's designation in one area: what the lifecycle core keeps and what the API shows. */
export const Designation = z.object({
  area: SolutionArea,
  attainedOn: IsoDate,
  status: z.enum(['active', 'lapsed']),
  /** Active, but the area no longer qualifies: it stays active until the anniversary. */
  atRisk: z.boolean(),
  lapsedOn: IsoDate.optional(),
  lapseReason: z.enum(['notRequalified', 'feeUnpaid']).optional(),
  enrollmentTrack: z
    .enum(PATHS)
    .optional()
    .describe('Azure, 2025-07 on: the track enrolled on at attainment and at each renewal, for the year'),
});
export type Designation = z.infer<typeof Designation>;

const Outcome = z.object({
  package: BenefitPackage,
  renewed: z.array(SolutionArea),
  lapsed: z.array(SolutionArea),
  feeUsd: z.number(),
  notes: z.array(z.string()),
  enrollmentTracks: z
    .partialRecord(SolutionArea, z.enum(['enterprise', 'smb']))
    .optional()
    .describe('Azure designations renewed: the track for the coming year'),
});

export const RenewalView = z.object({
  anniversary: IsoDate,
  /** open: a package chosen, nothing computed yet; previewed: 30 days before; renewed: on A, with the fee. */
  status: z.enum(['open', 'previewed', 'renewed']),
  /** The package runs from its anniversary up to, not including, this day. */
  runsUntil: IsoDate,
  choice: z.object({ package: BenefitPackage, chosenOn: IsoDate }).optional(),
  preview: Outcome.extend({ on: IsoDate }).optional(),
  renewal: Outcome.extend({
    renewedOn: IsoDate,
    feeDueBy: IsoDate,
    payments: z.array(z.object({ reference: z.string(), amountUsd: z.number(), paidOn: IsoDate })),
    paid: z.boolean(),
    outstandingUsd: z.number(),
    /** The fee-due step, 30 days after A: the day it checked the fee and what lapsed for it unpaid (empty when paid). */
    feeDue: z.object({ checkedOn: IsoDate, lapsed: z.array(SolutionArea) }).optional(),
  }).optional(),
});
export type RenewalView = z.infer<typeof RenewalView>;

export const Renewals = z.object({
  anniversary: IsoDate.nullable(),
  nextAnniversary: IsoDate.nullable(),
  renewals: z.array(RenewalView),
});

export const Entitlement = z.object({ benefit: z.string(), quantity: z.string(), grantedBy: z.string(), locations: z.array(z.string()) });

export const Benefits = z.object({
  package: BenefitPackage,
  /** The anniversary the package has been in force since; null before the first renewal. */
  since: IsoDate.nullable(),
  /** Where the benefits go: the PGA's chosen locations (empty: the PGA itself). */
  locations: z.array(z.string()),
  entitlements: z.array(Entitlement),
  legacyCompetencies: z.array(LegacyCompetencyView),
});
