import type { SolutionArea } from './types.js';

// Copied from shared/model/primitives.ts: importing it would bring zod into the page.
export const AREAS: readonly SolutionArea[] = [
  'infrastructure',
  'dataAi',
  'digitalAppInnovation',
  'businessApplications',
  'modernWork',
  'security',
];
export const AREA_NAMES: Record<SolutionArea, string> = {
  infrastructure: 'Infrastructure (Azure)',
  dataAi: 'Data & AI (Azure)',
  digitalAppInnovation: 'Digital & App Innovation (Azure)',
  businessApplications: 'Business Applications',
  modernWork: 'Modern Work',
  security: 'Security',
};
export const AREA_SHORT: Record<SolutionArea, string> = {
  infrastructure: 'Infra',
  dataAi: 'Data & AI',
  digitalAppInnovation: 'Apps',
  businessApplications: 'Biz Apps',
  modernWork: 'Modern Work',
  security: 'Security',
};
const METRIC_NAMES: Record<string, string> = {
  netCustomerAdds: 'Net customer adds',
  intermediateCertifications: 'Intermediate certifications',
  advancedCertifications: 'Advanced certifications',
  usageGrowth: 'Usage growth',
  deployments: 'Deployments',
};
export const metricName = (metric: string) => METRIC_NAMES[metric] ?? metric.replace(/([A-Z])/g, ' $1').toLowerCase();

/** The qualifying line of SPEC §3.1. */
export const QUALIFYING_SCORE = 70;

/** Scores and points as the API rounds them: two decimals. */
export const points = (n: number) => n.toFixed(2);
export const usd = (n: number) => `${n.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 })} USD`;
export const count = (n: number) => (Number.isInteger(n) ? String(n) : n.toLocaleString('en-US', { maximumFractionDigits: 4 }));
export const words = (s: string) =>
  s.charAt(0).toUpperCase() +
  s
    .slice(1)
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase();

/** Today as the API counts days: UTC. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
}
/** The first day of the month `months` before `day`'s month. */
export function monthStartBefore(day: string, months: number): string {
  const d = new Date(Date.parse(day));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1)).toISOString().slice(0, 10);
}
