import { z } from 'zod';
import { workloadsBySpelling } from '../../rules/index.js';
import { AssociationType, Count, CountryCode, Identifier, IsoDate, MonthKey, SolutionArea, Usd } from './primitives.js';

export const Association = z
  .strictObject({
    type: AssociationType,
    from: IsoDate,
    /** Inclusive last day; absent while still active. */
    to: IsoDate.optional(),
  })
  .refine((a) => a.to === undefined || a.to >= a.from, { message: 'to must not be before from', path: ['to'] });
export type Association = z.infer<typeof Association>;

export const AzureServiceUsage = z.strictObject({
  name: z.string().min(1, 'must not be empty').max(200),
  area: SolutionArea,
  acrUsd: Usd('acrUsd'),
});
export type AzureServiceUsage = z.infer<typeof AzureServiceUsage>;

/** The name of the workload the old `{revenueUsd, mcv}` shape stands for (SPEC §3.6). */
export const UNSPECIFIED_WORKLOAD = 'unspecified';

const WorkloadUsage = z.strictObject({
  workload: z
    .string()
    .min(1, 'must not be empty')
    .max(100)
    .refine(
      (name) => name !== UNSPECIFIED_WORKLOAD,
      `${UNSPECIFIED_WORKLOAD} is what the old {revenueUsd, mcv} shape stands for; name the workload`,
    )
    // Every spelling the pages use (rules/workloads.json): a typo would otherwise count nowhere, silently.
    .refine(
      (name) => workloadsBySpelling.has(name),
      'not a Business Applications workload named on the rule pages (GET /api/rules lists them)',
    ),
  revenueUsd: Usd('revenueUsd').optional(),
  /** The workload's usage unit that month: MAU, or profiles for Customer Insights. */
  units: Count('units').optional(),
});
type WorkloadUsage = z.infer<typeof WorkloadUsage>;

/**
 * Business Applications in one month: per workload (`workloads`), or the old totals (`revenueUsd`,
 * `mcv`), which count as one workload named `unspecified`. Never both.
 */
export const BizAppsUsage = z
  .strictObject({
    revenueUsd: Usd('revenueUsd').optional(),
    mcv: Usd('mcv').optional(),
    workloads: z.array(WorkloadUsage).max(100).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.workloads !== undefined && (b.revenueUsd !== undefined || b.mcv !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['workloads'],
        message: 'a month holds either workloads or the old revenueUsd/mcv totals, not both',
      });
    }
  });
export type BizAppsUsage = z.infer<typeof BizAppsUsage>;

/** One customer's usage in one calendar month; every field is optional and absent means 0. */
export const MonthUsage = z.strictObject({
  paidSeats: Count('paidSeats').default(0),
  activeUsers: Count('activeUsers').default(0),
  protectedUsers: Count('protectedUsers').default(0),
  azureServices: z.array(AzureServiceUsage).max(500).default([]),
  bizApps: BizAppsUsage.default({}),
});
export type MonthUsage = z.infer<typeof MonthUsage>;
export type MonthUsageInput = z.input<typeof MonthUsage>;

const customerShape = {
  idType: z.enum(['tenant', 'tpid']),
  /** Microsoft's customer segment; absent means enterprise (it decides the Azure track, SPEC §3.6). */
  segment: z.enum(['smb', 'enterprise']).optional(),
  country: CountryCode,
  production: z.boolean(),
  associations: z.array(Association).max(100),
};

export const CustomerProfile = z.strictObject(customerShape);
export type CustomerProfile = z.infer<typeof CustomerProfile>;

export const CustomerFacts = z.strictObject({
  customerId: Identifier,
  ...customerShape,
  months: z.record(MonthKey, MonthUsage).default({}),
});
export type CustomerFacts = z.infer<typeof CustomerFacts>;
export type CustomerFactsInput = z.input<typeof CustomerFacts>;

const HeldCertification = z
  .strictObject({
    // An id no rule counts is accepted (exports carry such certifications); a huge one is not.
    id: z
      .string()
      .max(100, 'at most 100 characters')
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case certification id such as azure-administrator-associate'),
    earnedOn: IsoDate,
    /** The first day the certification is no longer held. */
    expiresOn: IsoDate.optional(),
  })
  .refine((c) => c.expiresOn === undefined || c.expiresOn > c.earnedOn, {
    message: 'expiresOn must be after earnedOn',
    path: ['expiresOn'],
  });

const personShape = z.strictObject({
  linkedOn: IsoDate,
  /** The first day the person is no longer linked to the partner. */
  unlinkedOn: IsoDate.optional(),
  certifications: z.array(HeldCertification).max(200).default([]),
});

const unlinkedAfterLinked = {
  check: (p: { linkedOn: string; unlinkedOn?: string | undefined }) => p.unlinkedOn === undefined || p.unlinkedOn > p.linkedOn,
  message: { message: 'unlinkedOn must be after linkedOn', path: ['unlinkedOn'] },
};

export const PersonProfile = personShape.refine(unlinkedAfterLinked.check, unlinkedAfterLinked.message);
export type PersonProfile = z.infer<typeof PersonProfile>;

export const Person = personShape.extend({ personId: Identifier }).refine(unlinkedAfterLinked.check, unlinkedAfterLinked.message);
export type Person = z.infer<typeof Person>;
export type PersonInput = z.input<typeof Person>;
