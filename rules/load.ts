import type { z } from 'zod';
import { describeIssues } from './issues.js';
import { SOLUTION_AREAS, type SolutionArea } from './primitives.js';
import {
  CertificationCatalogue,
  RuleSetFile,
  variantsOf,
  WorkloadCatalogue,
  type AreaRule,
  type Certification,
  type MetricRule,
  type Part,
  type RuleSet,
  type Workload,
} from './schema.js';

export class RuleFileError extends Error {
  override name = 'RuleFileError';
}

export interface Rules {
  ruleSets: RuleSet[];
  certifications: Certification[];
  workloads: Workload[];
}

export function parseOrThrow<T>(schema: z.ZodType<T>, raw: unknown, file: string): T {
  const result = schema.safeParse(raw);
  if (!result.success) throw new RuleFileError(`${file}: ${describeIssues(result.error).replaceAll('\n', `\n${file}: `)}`);
  return result.data;
}

const DEFAULT_HISTORY_MONTHS = 24;

function resolve(file: RuleSetFile, resolved: Map<string, RuleSet>, name: string): RuleSet {
  const parent = file.extends === undefined ? undefined : resolved.get(file.extends);
  if (file.extends !== undefined && parent === undefined) {
    throw new RuleFileError(`${name}: extends: rule set ${file.extends} is not defined before it`);
  }
  const areas = {} as Record<SolutionArea, AreaRule>;
  for (const area of SOLUTION_AREAS) {
    const rule = file.areas[area] ?? parent?.areas[area];
    if (rule === undefined) throw new RuleFileError(`${name}: areas.${area}: missing (and not inherited)`);
    areas[area] = rule;
  }
  const qualification = file.qualification ?? parent?.qualification;
  const palExcludedCountries = file.palExcludedCountries ?? parent?.palExcludedCountries;
  const deploymentExcludedAzureServices = file.deploymentExcludedAzureServices ?? parent?.deploymentExcludedAzureServices;
  const generation = file.generation ?? parent?.generation;
  const bizApps = file.bizApps ?? parent?.bizApps;
  if (!qualification || !palExcludedCountries || !deploymentExcludedAzureServices || !generation || !bizApps) {
    throw new RuleFileError(
      `${name}: qualification, palExcludedCountries, deploymentExcludedAzureServices, generation and bizApps are required without extends`,
    );
  }
  return {
    id: file.id,
    effectiveFrom: file.effectiveFrom,
    effectiveFromAssumed: file.effectiveFromAssumed ?? false,
    description: file.description,
    generation,
    historyMonths: file.historyMonths ?? parent?.historyMonths ?? DEFAULT_HISTORY_MONTHS,
    sources: [
      ...file.sources,
      ...(parent?.sources ?? []).filter((s) => !file.sources.some((o) => o.page === s.page && o.section === s.section)),
    ],
    qualification,
    palExcludedCountries,
    deploymentExcludedAzureServices,
    bizApps,
    countsUntil: {},
    areas,
  };
}

/** The certifications a metric names: in its steps and in the groups its people must hold. */
export function certificationsOf(metric: MetricRule): string[] {
  return [
    ...(metric.gate ?? []).flatMap((g) => g.anyOf),
    ...metric.parts.flatMap((p) => (p.kind === 'peopleHolding' ? p.requires.flat() : [])),
  ];
}

function checkAgainstCatalogues(ruleSet: RuleSet, known: Set<string>, workloads: Map<string, Workload>, name: string): void {
  for (const area of SOLUTION_AREAS) {
    const rule = ruleSet.areas[area];
    const variants = variantsOf(rule);
    const labels = 'paths' in rule ? ['paths.enterprise', 'paths.smb'] : 'tracks' in rule ? ['tracks.enterprise', 'tracks.smb'] : [''];
    variants.forEach((variant, v) => {
      const where = `areas.${area}${labels[v] ? `.${labels[v]}` : ''}`;
      const total = variant.metrics.reduce((sum, m) => sum + m.maxPoints, 0);
      if (Math.abs(total - 100) > 1e-9) throw new RuleFileError(`${name}: ${where}: maxPoints add up to ${total}, not 100`);
      variant.metrics.forEach((metric, i) => {
        for (const id of certificationsOf(metric)) {
          if (!known.has(id)) throw new RuleFileError(`${name}: ${where}.metrics[${i}]: unknown certification ${id}`);
        }
      });
    });
  }
  for (const workload of [...ruleSet.bizApps.netAddsWorkloads, ...ruleSet.bizApps.rateCard.map((r) => r.workload)]) {
    const entry = workloads.get(workload);
    if (!entry) throw new RuleFileError(`${name}: bizApps: unknown workload ${workload} (rules/workloads.json names each workload once)`);
    if (entry.rollsUpTo !== undefined && ruleSet.bizApps.rateCard.some((r) => r.workload === workload)) {
      throw new RuleFileError(`${name}: bizApps.rateCard: ${workload} rolls up to ${entry.rollsUpTo} and cannot have a rate of its own`);
    }
  }
}

/**
 * Identical parts (the paths' shared skilling lists, Security's Azure net adds on both paths) become
 * one object, so the scoring evaluates each once per partner and reuses it (metric.ts caches by part).
 */
/** Parts that more than one metric (or path) uses, each with a number: the scoring keeps their results for the others under it. */
export const sharedParts = new WeakMap<Part, number>();
let sharedPartCount = 0;

function internParts(ruleSet: RuleSet, interned: Map<string, Part>): void {
  const used = new Set<Part>();
  for (const area of SOLUTION_AREAS) {
    for (const variant of variantsOf(ruleSet.areas[area])) {
      for (const metric of variant.metrics) {
        metric.parts = metric.parts.map((part) => {
          const key = JSON.stringify(part);
          const one = interned.get(key) ?? part;
          interned.set(key, one);
          if (used.has(one) && !sharedParts.has(one)) sharedParts.set(one, sharedPartCount++);
          used.add(one);
          return one;
        });
      }
    }
  }
}

/** Every spelling of every workload, to its catalogue entry; a spelling used twice is refused. */
export function workloadIndex(workloads: readonly Workload[], file = 'rules/workloads.json'): Map<string, Workload> {
  const index = new Map<string, Workload>();
  for (const workload of workloads) {
    for (const spelling of [workload.name, ...workload.aliases]) {
      if (index.has(spelling)) throw new RuleFileError(`${file}: ${spelling} names two workloads`);
      index.set(spelling, workload);
    }
  }
  for (const workload of workloads) {
    if (workload.rollsUpTo !== undefined && index.get(workload.rollsUpTo)?.name !== workload.rollsUpTo) {
      throw new RuleFileError(`${file}: ${workload.name} rolls up to ${workload.rollsUpTo}, which is not a workload's name`);
    }
  }
  return index;
}

/**
 * Validates raw rule files: schema, `extends` chains, certification ids and workloads against the
 * catalogues, 100 points per area (per path or track). Throws a RuleFileError naming the file and the place.
 */
export function loadRules(
  ruleSetFiles: Record<string, unknown>,
  catalogueRaw: unknown,
  workloadsRaw: unknown,
  catalogueName = 'rules/certifications.json',
): Rules {
  const { certifications } = parseOrThrow(CertificationCatalogue, catalogueRaw, catalogueName);
  const known = new Set(certifications.map((c) => c.id));
  if (known.size !== certifications.length) throw new RuleFileError(`${catalogueName}: certification ids must be unique`);
  const { workloads } = parseOrThrow(WorkloadCatalogue, workloadsRaw, 'rules/workloads.json');
  const workloadsBySpelling = workloadIndex(workloads);

  const parsed = Object.entries(ruleSetFiles)
    .map(([name, raw]) => ({ name, file: parseOrThrow(RuleSetFile, raw, name) }))
    .sort((a, b) => a.file.effectiveFrom.localeCompare(b.file.effectiveFrom));

  const resolved = new Map<string, RuleSet>();
  const interned = new Map<string, Part>();
  for (const { name, file } of parsed) {
    if (resolved.has(file.id)) throw new RuleFileError(`${name}: id: rule set ${file.id} is defined twice`);
    const ruleSet = resolve(file, resolved, name);
    ruleSet.countsUntil = Object.fromEntries(
      certifications.flatMap((c) => {
        const retirement = c.retirement?.[ruleSet.generation];
        return retirement ? [[c.id, retirement.countsUntil] as const] : [];
      }),
    );
    checkAgainstCatalogues(ruleSet, known, workloadsBySpelling, name);
    internParts(ruleSet, interned);
    resolved.set(file.id, ruleSet);
  }
  const ruleSets = [...resolved.values()];
  for (let i = 1; i < ruleSets.length; i++) {
    if (ruleSets[i]!.effectiveFrom === ruleSets[i - 1]!.effectiveFrom) {
      throw new RuleFileError(`rule sets ${ruleSets[i - 1]!.id} and ${ruleSets[i]!.id} take effect on the same day`);
    }
  }
  return { ruleSets, certifications, workloads };
}

export class NoRuleSetError extends Error {
  override name = 'NoRuleSetError';
}

/** The rule set in force on a date: the latest whose effectiveFrom is on or before it. */
export function ruleSetIn(ruleSets: readonly RuleSet[], asOf: string): RuleSet {
  let inForce: RuleSet | undefined;
  for (const ruleSet of ruleSets) if (ruleSet.effectiveFrom <= asOf) inForce = ruleSet;
  if (!inForce) {
    const first = ruleSets[0]?.effectiveFrom ?? 'never';
    throw new NoRuleSetError(`no rule set is in force on ${asOf}: Solutions Partner scoring starts on ${first}`);
  }
  return inForce;
}
