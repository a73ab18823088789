import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { z } from 'zod';

// The words the rule files and the API share: dates, months, areas, associations, metrics. They
// live here, at the bottom of the arrows, so the rules' schema imports nothing above rules/.

dayjs.extend(utc);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  // Strict parse round-trip rejects 2023-02-29 and 2024-13-01, which dayjs would otherwise roll over.
  return DATE.test(value) && dayjs.utc(value, 'YYYY-MM-DD').format('YYYY-MM-DD') === value;
}

export function isCalendarMonth(value: string): boolean {
  if (!MONTH.test(value)) return false;
  const month = Number(value.slice(5, 7));
  return month >= 1 && month <= 12;
}

/**
 * Dates and months the program can plausibly mean: from 2000 through 2099 (the program began in
 * 2022; legacy competencies and customer associations reach back further, nothing reaches 2100).
 * So an anniversary of 9999-12-31 or a month 0000-01 is a 400, and every date stays in four digits.
 */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;
const YEAR_PATTERN = '20\\d{2}';
const inRange = (value: string) =>
  /^\d{4}/.test(value) && Number(value.slice(0, 4)) >= FIRST_YEAR && Number(value.slice(0, 4)) <= LAST_YEAR;

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

const METRICS = ['netCustomerAdds', 'intermediateCertifications', 'advancedCertifications', 'usageGrowth', 'deployments'] as const;
export const MetricName = z.enum(METRICS);
export type MetricName = z.infer<typeof MetricName>;
