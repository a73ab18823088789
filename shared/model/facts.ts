import { z } from 'zod';
import {
  AssociationType,
  Count,
  CountryCode,
  Identifier,
  IsoDate,
  MonthKey,
  SolutionArea,
  Usd,
} from './primitives.js';

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

export const BizAppsUsage = z.strictObject({
  revenueUsd: Usd('revenueUsd').default(0),
  mcv: Usd('mcv').default(0),
});

/** One customer's usage in one calendar month; every field is optional and absent means 0. */
export const MonthUsage = z.strictObject({
  paidSeats: Count('paidSeats').default(0),
  activeUsers: Count('activeUsers').default(0),
  protectedUsers: Count('protectedUsers').default(0),
  azureServices: z.array(AzureServiceUsage).max(500).default([]),
  bizApps: BizAppsUsage.default({ revenueUsd: 0, mcv: 0 }),
});
export type MonthUsage = z.infer<typeof MonthUsage>;
export type MonthUsageInput = z.input<typeof MonthUsage>;

const customerShape = {
  idType: z.enum(['tenant', 'tpid']),
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

export const HeldCertification = z
  .strictObject({
    // An id no rule counts is accepted (exports carry such certifications); a huge one is not.
    id: z.string().max(100, 'at most 100 characters').regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case certification id such as azure-administrator-associate'),
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
