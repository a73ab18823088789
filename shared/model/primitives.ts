import { z } from 'zod';
import { isCalendarDate, isCalendarMonth } from '../dates.js';

/**
 * Dates and months the program can plausibly mean: from 2000 through 2099 (the program began in
 * 2022; legacy competencies and customer associations reach back further, nothing reaches 2100).
 * So an anniversary of 9999-12-31 or a month 0000-01 is a 400, and every date stays in four digits.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;
const YEAR_PATTERN = '20\\d{2}';
const inRange = (value: string) => /^\d{4}/.test(value) && Number(value.slice(0, 4)) >= FIRST_YEAR && Number(value.slice(0, 4)) <= LAST_YEAR;

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .regex(new RegExp(`^${YEAR_PATTERN}-`), `a date from ${FIRST_YEAR}-01-01 through ${LAST_YEAR}-12-31`)
  .refine((v) => !inRange(v) || isCalendarDate(v), 'invalid date');

export const MonthKey = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'expected a month YYYY-MM')
  .regex(new RegExp(`^${YEAR_PATTERN}-`), `a month from ${FIRST_YEAR}-01 through ${LAST_YEAR}-12`)
  .refine((v) => !inRange(v) || isCalendarMonth(v), 'invalid month');

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

/**
 * Upper bounds that no real figure reaches and that keep every sum the scoring makes finite (and
 * exact in cents for any one customer): 10 million seats or users in a tenant-month, a billion USD
 * from one service (or workload) for one customer in a month.
 */
export const MAX_COUNT = 10_000_000;
export const MAX_USD = 1_000_000_000;
const nonNegative = (what: string) => z.number().finite().nonnegative(`${what} must be 0 or more`);
export const Count = (what: string) => nonNegative(what).int(`${what} must be a whole number`).max(MAX_COUNT, `${what} must be at most ${MAX_COUNT.toLocaleString('en-US')}`);
// Money has at most two decimals, so sums and thresholds are exact in cents. The shortest decimal
// that reads back as the number decides it: 866.18 is "866.18", 1e-20 is "1e-20" (not whole cents).
const WHOLE_CENTS = /^\d+(\.\d{1,2})?$/;
export const Usd = (what: string) =>
  nonNegative(what)
    .max(MAX_USD, `${what} must be at most ${MAX_USD.toLocaleString('en-US')} USD`)
    // Out of range is already said by the bounds above: one issue per field, not two.
    .refine((x) => x < 0 || x > MAX_USD || WHOLE_CENTS.test(String(x)), `${what} has at most two decimals (whole cents)`);

/** The program's names for the areas, as badges show them. */
export const AREA_NAMES: Record<SolutionArea, string> = {
  infrastructure: 'Infrastructure (Azure)',
  dataAi: 'Data & AI (Azure)',
  digitalAppInnovation: 'Digital & App Innovation (Azure)',
  businessApplications: 'Business Applications',
  modernWork: 'Modern Work',
  security: 'Security',
};
