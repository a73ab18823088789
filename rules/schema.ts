import { z } from 'zod';
import { AssociationType, IsoDate, MetricName, SolutionArea } from './primitives.js';

/** A range a value must fall in: any of the four bounds, at least one (e.g. 11 ≤ seats ≤ 300). */
const bounds = {
  atLeast: z.number().optional(),
  above: z.number().optional(),
  atMost: z.number().optional(),
  below: z.number().optional(),
};
const hasABound = (t: {
  atLeast?: number | undefined;
  above?: number | undefined;
  atMost?: number | undefined;
  below?: number | undefined;
}) => t.atLeast !== undefined || t.above !== undefined || t.atMost !== undefined || t.below !== undefined;

const Bounds = z.strictObject(bounds).refine(hasABound, { message: 'a threshold needs at least one of atLeast, above, atMost, below' });
type Bounds = z.infer<typeof Bounds>;

/**
 * A threshold, with an optional grace for a customer promoted above it: SMB-sized tenants that grew
 * past 300 seats stay SMB for a year (2026 pages), Security ACR tenants past 12,000 likewise.
 */
export const Threshold = z
  .strictObject({
    ...bounds,
    promotedFrom: z
      .strictObject({
        within: Bounds,
        /** Where the earlier value is read: any of the 12 months before, or exactly 12 months before. */
        lookback: z.enum(['anyOfPrevious12Months', 'twelveMonthsEarlier']),
      })
      .optional(),
  })
  .refine(hasABound, { message: 'a threshold needs at least one of atLeast, above, atMost, below' })
  .refine((t) => t.promotedFrom === undefined || t.atMost !== undefined || t.below !== undefined, {
    message: 'promotedFrom needs an upper bound (atMost or below) to be promoted past',
    path: ['promotedFrom'],
  });
export type Threshold = z.infer<typeof Threshold>;

// Business Applications are measured per workload (kinds workloadPairs and workloadGrowth), not as a month's field.
const MEASURE_FIELDS = ['azureAcr', 'paidSeats', 'activeUsers', 'protectedUsers'] as const;

/** A number read from one customer-month: a field, an area's Azure ACR, or a ratio to paid seats. */
export const Measure = z
  .strictObject({
    field: z.enum(MEASURE_FIELDS),
    area: SolutionArea.optional(),
    per: z.literal('paidSeats').optional(),
  })
  .refine((m) => (m.field === 'azureAcr') === (m.area !== undefined), {
    message: 'area is required with field azureAcr and only then',
    path: ['area'],
  });
export type Measure = z.infer<typeof Measure>;

/** A test of one customer at a month: the measure that month, or summed over the 12 months ending then. */
export const CustomerCondition = z.strictObject({
  measure: Measure,
  over: z.enum(['month', 'trailingYear']).default('month'),
  threshold: Threshold,
});
export type CustomerCondition = z.infer<typeof CustomerCondition>;

const partCommon = {
  /** Overrides the area's (or the option's) eligible association types for this part. */
  associations: z.array(AssociationType).min(1).optional(),
  /** Contribution = max(0, value) when set (e.g. Security usage growth counts only growth). */
  floorAtZero: z.boolean().optional(),
  /** Contribution = value / divisor (e.g. 1,250 USD of security ACR growth make one point). */
  divisor: z.number().positive().optional(),
};

export const Part = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('peopleHolding'), requires: z.array(z.array(z.string()).min(1)).min(1), ...partCommon }),
  z.strictObject({
    kind: z.literal('netQualifyingCustomers'),
    measure: Measure,
    threshold: Threshold,
    /** The measure in the month, or summed over the 12 months ending at it (eligible months only). */
    over: z.enum(['month', 'trailingYear']).default('month'),
    /** A customer counts at M when it qualified in M or M−1 (at Y: Y or Y−1), as the 2026 Azure page says. */
    orPreviousMonth: z.boolean().default(false),
    ...partCommon,
  }),
  z.strictObject({
    kind: z.literal('growth'),
    measure: Measure,
    as: z.enum(['percent', 'absolute']),
    /** Percent growth is 0 unless the baseline sum reaches this. */
    minBaseline: z.number().nonnegative().optional(),
    /** Growth is 0 unless the measure summed over T (eligible customer-months) reaches this. */
    minTrailingTotal: z.number().nonnegative().optional(),
    /** Only customers meeting this in M count (a tenant size class). */
    customerClass: CustomerCondition.optional(),
    ...partCommon,
  }),
  z.strictObject({ kind: z.literal('customersWithWindowTotal'), measure: Measure, threshold: Threshold, ...partCommon }),
  z.strictObject({
    kind: z.literal('customersCrossing'),
    measure: Measure,
    atBaseline: Threshold,
    after: Threshold,
    /** Where `after` must hold: the evaluation month, or any month of the window after the baseline. */
    afterIn: z.enum(['evaluationMonth', 'laterMonthOfWindow']),
    /** Only customers meeting this in M count (a tenant size class). */
    customerClass: CustomerCondition.optional(),
    ...partCommon,
  }),
  z.strictObject({ kind: z.literal('distinctServices'), area: SolutionArea, ...partCommon }),
  z.strictObject({ kind: z.literal('seatTransitions'), measure: Measure, threshold: Threshold, ...partCommon }),
  z.strictObject({ kind: z.literal('averageCrossing'), measure: Measure, threshold: Threshold, ...partCommon }),
  z.strictObject({
    kind: z.literal('workloadPairs'),
    /** Revenue per net-adds workload, or monthly consumption value per rate-card workload (rolled up). */
    measure: z.enum(['revenue', 'mcv']),
    threshold: Threshold,
    ...partCommon,
  }),
  z.strictObject({
    kind: z.literal('workloadGrowth'),
    /** Percent MCV growth is 0 unless the baseline sum reaches this. */
    minBaseline: z.number().nonnegative(),
    ...partCommon,
  }),
]);
export type Part = z.infer<typeof Part>;
export type PartKind = Part['kind'];

/** A skilling step: at least N people holding any of the certifications; `points` when met (SMB steps earn 4). */
export const GateStep = z.strictObject({
  anyOf: z.array(z.string()).min(1),
  atLeastPeople: z.number().int().positive(),
  points: z.number().nonnegative().default(0),
});
export type GateStep = z.infer<typeof GateStep>;

/** One association type's way of scoring a metric, with its own target (Modern Work: CPOR 1,000 or DPOR 4,000 MAU). */
const MetricOption = z.strictObject({
  option: z.string().min(1),
  associations: z.array(AssociationType).min(1),
  target: z.number().positive(),
});
type MetricOption = z.infer<typeof MetricOption>;

export const MetricRule = z
  .strictObject({
    metric: MetricName,
    parts: z.array(Part).min(1),
    /** `sum` adds the parts' contributions; `distinctCustomers` counts each customer once across parts. */
    combine: z.enum(['sum', 'distinctCustomers']).default('sum'),
    cap: z.number().positive().optional(),
    target: z.number().positive(),
    maxPoints: z.number().positive(),
    /** Steps that must all be met before the parts earn anything; a step may earn points of its own. */
    gate: z.array(GateStep).min(1).optional(),
    /** Score each option on its association types and keep the best (the metric's target is the option's). */
    options: z.array(MetricOption).min(2).optional(),
    productionOnly: z.boolean().default(false),
    /** Words for "to reach full points: N more …" */
    unit: z.strictObject({ one: z.string().min(1), many: z.string().min(1) }),
    description: z.string().min(1),
  })
  .refine((m) => m.combine === 'sum' || m.parts.every((p) => p.kind !== 'peopleHolding' && p.divisor === undefined), {
    message: 'distinctCustomers combines customer parts without divisors only',
    path: ['combine'],
  })
  .refine((m) => (m.gate ?? []).reduce((sum, s) => sum + s.points, 0) <= m.maxPoints, {
    message: 'step points exceed maxPoints',
    path: ['gate'],
  });
export type MetricRule = z.infer<typeof MetricRule>;

/** One way of scoring an area: its eligible associations and its metrics (an area, a path or a track). */
export const AreaVariant = z
  .strictObject({
    associations: z.array(AssociationType).min(1),
    metrics: z.array(MetricRule).min(1),
  })
  .refine((a) => new Set(a.metrics.map((m) => m.metric)).size === a.metrics.length, {
    message: 'each metric appears once per area',
    path: ['metrics'],
  });
export type AreaVariant = z.infer<typeof AreaVariant>;

export const PATHS = ['enterprise', 'smb'] as const;
export type Path = (typeof PATHS)[number];
const TwoWays = z.strictObject({ enterprise: AreaVariant, smb: AreaVariant });

/** How a partner's track is decided (2026 pages): by its customers' segments, or by its Business Applications workloads. */
export const Classification = z.discriminatedUnion('kind', [
  z.strictObject({
    /** SMB when at least this share of the customers with an eligible association in M are SMB. */
    kind: z.literal('smbShareOfCustomers'),
    associations: z.array(AssociationType).min(1),
    atLeastShare: z.number().gt(0).lte(1),
  }),
  z.strictObject({
    /** Enterprise when at least N (customer, workload) pairs bring more than X revenue in both M and Y. */
    kind: z.literal('workloadPairs'),
    associations: z.array(AssociationType).min(1),
    revenueAbove: z.number().nonnegative(),
    atLeastPairs: z.number().int().positive(),
  }),
]);
export type Classification = z.infer<typeof Classification>;

/** A single way, two paths scored best of (Modern Work, Security 2025-07), or one track by classification. */
export const AreaRule = z.union([
  AreaVariant,
  z.strictObject({ paths: TwoWays }),
  z.strictObject({ classification: Classification, tracks: TwoWays }),
]);
export type AreaRule = z.infer<typeof AreaRule>;

const GENERATIONS = ['learn-2023', 'learn-2026'] as const;
export const Generation = z.enum(GENERATIONS);
export type Generation = z.infer<typeof Generation>;

export const Source = z.strictObject({ page: z.string().min(1), section: z.string().min(1) });
export type Source = z.infer<typeof Source>;

/** The rate card: MCV = usage units × rate; the association types under which each workload's MCV counts. */
const RateCardEntry = z.strictObject({
  workload: z.string().min(1),
  rate: z.number().positive(),
  unit: z.string().min(1),
  associations: z.array(AssociationType).min(1),
});
type RateCardEntry = z.infer<typeof RateCardEntry>;

const BizAppsRules = z.strictObject({
  /** Workloads whose revenue counts for net adds and the classification (canonical names). */
  netAddsWorkloads: z.array(z.string().min(1)).min(1),
  rateCard: z.array(RateCardEntry).min(1),
});
type BizAppsRules = z.infer<typeof BizAppsRules>;

/** A rule-set file as written: it may extend an earlier set and replace whole areas. */
export const RuleSetFile = z.strictObject({
  id: z.string().regex(/^\d{4}-\d{2}$/, 'rule set ids are YYYY-MM'),
  effectiveFrom: IsoDate,
  /** True when the pages give no date and the effective date is this project's assumption. */
  effectiveFromAssumed: z.boolean().optional(),
  extends: z.string().optional(),
  description: z.string().min(1),
  /** Which generation of the rule pages the certifications' retirement dates come from. */
  generation: Generation.optional(),
  /** Months of history a score reads, M included (the 2026 rules look 36 months back for the promotion grace). */
  historyMonths: z.number().int().min(25).max(48).optional(),
  sources: z.array(Source).min(1),
  qualification: z.strictObject({ minScore: z.number().positive(), minPointsPerMetric: z.number().nonnegative() }).optional(),
  palExcludedCountries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  deploymentExcludedAzureServices: z.array(z.string()).optional(),
  bizApps: BizAppsRules.optional(),
  areas: z.partialRecord(SolutionArea, AreaRule),
});
export type RuleSetFile = z.infer<typeof RuleSetFile>;

/** A rule set with `extends` resolved: every field and all six areas present. */
export interface RuleSet {
  id: string;
  effectiveFrom: string;
  effectiveFromAssumed: boolean;
  description: string;
  generation: Generation;
  historyMonths: number;
  /** This rule set's own sources first, then those it inherits. */
  sources: Source[];
  qualification: { minScore: number; minPointsPerMetric: number };
  palExcludedCountries: string[];
  deploymentExcludedAzureServices: string[];
  bizApps: BizAppsRules;
  /** Certification id → the last day it counts, from this generation's retirement notes. */
  countsUntil: Record<string, string>;
  areas: Record<SolutionArea, AreaRule>;
}

const Retirement = z.strictObject({ retiresOn: IsoDate.optional(), countsUntil: IsoDate });

export const Certification = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string().min(1),
  exam: z.string().min(1).optional(),
  level: z.enum(['fundamentals', 'associate', 'expert', 'specialty', 'github', 'assessment']),
  /** Per page generation: the last day it still counts (references/certification-ids.md). */
  retirement: z.partialRecord(Generation, Retirement).optional(),
});
export type Certification = z.infer<typeof Certification>;

export const CertificationCatalogue = z.strictObject({ certifications: z.array(Certification).min(1) });

/** Business Applications workloads as the pages name them: one canonical name, its other spellings, and its rate-card roll-up. */
export const Workload = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  /** The rate-card workload whose MCV this one's usage counts towards (the pages' footnotes). */
  rollsUpTo: z.string().min(1).optional(),
});
export type Workload = z.infer<typeof Workload>;
export const WorkloadCatalogue = z.strictObject({ workloads: z.array(Workload).min(1) });

/** The variants of an area: its single way, or its two paths or tracks. */
export function variantsOf(rule: AreaRule): AreaVariant[] {
  if ('paths' in rule) return [rule.paths.enterprise, rule.paths.smb];
  if ('tracks' in rule) return [rule.tracks.enterprise, rule.tracks.smb];
  return [rule];
}
