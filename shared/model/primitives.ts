import { z } from 'zod';
import type { SolutionArea } from '../../rules/primitives.js';

// The vocabulary the rule files share with the API is defined with the rules (the bottom of the arrows).
export { ASSOCIATION_TYPES, AssociationType, IsoDate, MetricName, MonthKey, SOLUTION_AREAS, SolutionArea } from '../../rules/primitives.js';

/** Ids travel in URLs and become Cosmos DB ids, so they exclude `/ \ ? #` and control characters. */
export const Identifier = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'at most 128 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]*$/, 'letters, digits and . _ : @ - only, starting with a letter or digit');

/** The function key may travel as `?code=` (as Azure accepts it), so every query schema takes it; the host has checked it before the function runs. */
export const KeyQuery = { code: z.string().max(512).optional().describe('the function key, when not sent in the x-functions-key header') };

export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as JP');

/**
 * Upper bounds that no real figure reaches and that keep every sum the scoring makes finite (and
 * exact in cents for any one customer): 10 million seats or users in a tenant-month, a billion USD
 * from one service (or workload) for one customer in a month.
 */
export const MAX_COUNT = 10_000_000;
export const MAX_USD = 1_000_000_000;
const nonNegative = (what: string) => z.number().finite().nonnegative(`${what} must be 0 or more`);
export const Count = (what: string) =>
  nonNegative(what)
    .int(`${what} must be a whole number`)
    .max(MAX_COUNT, `${what} must be at most ${MAX_COUNT.toLocaleString('en-US')}`);
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
