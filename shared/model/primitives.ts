import { z } from 'zod';
import { isCalendarDate, isCalendarMonth } from '../dates.js';

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(isCalendarDate, 'invalid date');

export const MonthKey = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'expected a month YYYY-MM')
  .refine(isCalendarMonth, 'invalid month');

/** Ids travel in URLs and become Cosmos DB ids, so they exclude `/ \ ? #` and control characters. */
export const Identifier = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'at most 128 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]*$/, 'letters, digits and . _ : @ - only, starting with a letter or digit');

/** The function key may travel as `?code=` (as Azure accepts it), so every query schema takes it; the host has checked it before the function runs. */
export const KeyQuery = { code: z.string().max(512).optional().describe('the function key, when not sent in the x-functions-key header') };

export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as JP');

export const SOLUTION_AREAS = [
  'infrastructure',
  'dataAi',
  'digitalAppInnovation',
  'businessApplications',
  'modernWork',
  'security',
] as const;
export const SolutionArea = z.enum(SOLUTION_AREAS);
export type SolutionArea = z.infer<typeof SolutionArea>;

export const ASSOCIATION_TYPES = ['CPOR', 'PAL', 'DPOR', 'CSP'] as const;
export const AssociationType = z.enum(ASSOCIATION_TYPES);
export type AssociationType = z.infer<typeof AssociationType>;

export const METRICS = [
  'netCustomerAdds',
  'intermediateCertifications',
  'advancedCertifications',
  'usageGrowth',
  'deployments',
] as const;
export const MetricName = z.enum(METRICS);
export type MetricName = z.infer<typeof MetricName>;

const nonNegative = (what: string) => z.number().finite().nonnegative(`${what} must be 0 or more`);
export const Count = (what: string) => nonNegative(what).int(`${what} must be a whole number`);
export const Usd = (what: string) => nonNegative(what);

/** The program's names for the areas, as badges show them. */
export const AREA_NAMES: Record<SolutionArea, string> = {
  infrastructure: 'Infrastructure (Azure)',
  dataAi: 'Data & AI (Azure)',
  digitalAppInnovation: 'Digital & App Innovation (Azure)',
  businessApplications: 'Business Applications',
  modernWork: 'Modern Work',
  security: 'Security',
};
