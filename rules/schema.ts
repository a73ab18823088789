import { z } from 'zod';
import { AssociationType, IsoDate, MetricName, SolutionArea, SOLUTION_AREAS } from '../shared/model/primitives.js';

/** One comparison against a number; exactly one key. */
export const Threshold = z.union([
  z.strictObject({ atLeast: z.number() }),
  z.strictObject({ above: z.number() }),
  z.strictObject({ atMost: z.number() }),
  z.strictObject({ below: z.number() }),
]);
export type Threshold = z.infer<typeof Threshold>;

export const MEASURE_FIELDS = ['azureAcr', 'paidSeats', 'activeUsers', 'protectedUsers', 'bizAppsRevenue', 'bizAppsMcv'] as const;

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

const partCommon = {
  /** Overrides the area's eligible association types for this part. */
  associations: z.array(AssociationType).min(1).optional(),
  /** Contribution = max(0, value) when set (e.g. Security usage growth counts only growth). */
  floorAtZero: z.boolean().optional(),
  /** Contribution = value / divisor (e.g. 2,500 protected users make one whole). */
  divisor: z.number().positive().optional(),
};

export const Part = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('peopleHolding'), requires: z.array(z.array(z.string()).min(1)).min(1), ...partCommon }),
  z.strictObject({ kind: z.literal('netQualifyingCustomers'), measure: Measure, threshold: Threshold, ...partCommon }),
  z.strictObject({
    kind: z.literal('growth'),
    measure: Measure,
    as: z.enum(['percent', 'absolute']),
    /** Percent growth is 0 unless the baseline sum reaches this. */
    minBaseline: z.number().nonnegative().optional(),
    ...partCommon,
  }),
  z.strictObject({ kind: z.literal('customersQualifyingInMonth'), measure: Measure, threshold: Threshold, ...partCommon }),
  z.strictObject({ kind: z.literal('customersWithWindowTotal'), measure: Measure, threshold: Threshold, ...partCommon }),
  z.strictObject({
    kind: z.literal('customersCrossing'),
    measure: Measure,
    atBaseline: Threshold,
    after: Threshold,
    /** Where `after` must hold: the evaluation month, or any month of the window after the baseline. */
    afterIn: z.enum(['evaluationMonth', 'laterMonthOfWindow']),
    alsoInEvaluationMonth: z.strictObject({ measure: Measure, threshold: Threshold }).optional(),
    ...partCommon,
  }),
  z.strictObject({ kind: z.literal('distinctServices'), area: SolutionArea, ...partCommon }),
  z.strictObject({ kind: z.literal('seatTransitions'), measure: Measure, threshold: Threshold, ...partCommon }),
  z.strictObject({ kind: z.literal('averageCrossing'), measure: Measure, threshold: Threshold, ...partCommon }),
]);
export type Part = z.infer<typeof Part>;
export type PartKind = Part['kind'];

export const GateRequirement = z.strictObject({
  certification: z.string(),
  atLeastPeople: z.number().int().positive(),
});
export type GateRequirement = z.infer<typeof GateRequirement>;

export const MetricRule = z
  .strictObject({
    metric: MetricName,
    parts: z.array(Part).min(1),
    /** `sum` adds the parts' contributions; `distinctCustomers` counts each customer once across parts. */
    combine: z.enum(['sum', 'distinctCustomers']).default('sum'),
    cap: z.number().positive().optional(),
    target: z.number().positive(),
    maxPoints: z.number().positive(),
    gate: z.array(GateRequirement).min(1).optional(),
    productionOnly: z.boolean().default(false),
    /** Words for "to reach full points: N more …" */
    unit: z.strictObject({ one: z.string().min(1), many: z.string().min(1) }),
    description: z.string().min(1),
  })
  .refine((m) => m.combine === 'sum' || m.parts.every((p) => p.kind !== 'peopleHolding' && p.divisor === undefined), {
    message: 'distinctCustomers combines customer parts without divisors only',
    path: ['combine'],
  });
export type MetricRule = z.infer<typeof MetricRule>;

export const AreaRule = z
  .strictObject({
    associations: z.array(AssociationType).min(1),
    metrics: z.array(MetricRule).min(1),
  })
  .refine((a) => new Set(a.metrics.map((m) => m.metric)).size === a.metrics.length, {
    message: 'each metric appears once per area',
    path: ['metrics'],
  });
export type AreaRule = z.infer<typeof AreaRule>;

/** A rule-set file as written: it may extend an earlier set and replace whole areas. */
export const RuleSetFile = z.strictObject({
  id: z.string().regex(/^\d{4}-\d{2}$/, 'rule set ids are YYYY-MM'),
  effectiveFrom: IsoDate,
  extends: z.string().optional(),
  description: z.string().min(1),
  qualification: z.strictObject({ minScore: z.number().positive(), minPointsPerMetric: z.number().nonnegative() }).optional(),
  palExcludedCountries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  deploymentExcludedAzureServices: z.array(z.string()).optional(),
  areas: z.partialRecord(SolutionArea, AreaRule),
});
export type RuleSetFile = z.infer<typeof RuleSetFile>;

/** A rule set with `extends` resolved: every field and all six areas present. */
export interface RuleSet {
  id: string;
  effectiveFrom: string;
  description: string;
  qualification: { minScore: number; minPointsPerMetric: number };
  palExcludedCountries: string[];
  deploymentExcludedAzureServices: string[];
  areas: Record<SolutionArea, AreaRule>;
}

export const Certification = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string().min(1),
  exam: z.string().min(1),
  level: z.enum(['fundamentals', 'associate', 'expert', 'specialty']),
});
export type Certification = z.infer<typeof Certification>;

export const CertificationCatalogue = z.strictObject({ certifications: z.array(Certification).min(1) });

export const AREA_ORDER = SOLUTION_AREAS;
