import type { z } from 'zod';
import { describeIssues } from '../shared/model/issues.js';
import { SOLUTION_AREAS, type SolutionArea } from '../shared/model/primitives.js';
import {
  CertificationCatalogue,
  RuleSetFile,
  type AreaRule,
  type Certification,
  type RuleSet,
} from './schema.js';

export class RuleFileError extends Error {
  override name = 'RuleFileError';
}

export interface Rules {
  ruleSets: RuleSet[];
  certifications: Certification[];
}

export function parseOrThrow<T>(schema: z.ZodType<T>, raw: unknown, file: string): T {
  const result = schema.safeParse(raw);
  if (!result.success) throw new RuleFileError(`${file}: ${describeIssues(result.error).replaceAll('\n', `\n${file}: `)}`);
  return result.data;
}

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
  if (!qualification || !palExcludedCountries || !deploymentExcludedAzureServices) {
    throw new RuleFileError(`${name}: qualification, palExcludedCountries and deploymentExcludedAzureServices are required without extends`);
  }
  return { id: file.id, effectiveFrom: file.effectiveFrom, description: file.description, qualification, palExcludedCountries, deploymentExcludedAzureServices, areas };
}

function checkAgainstCatalogue(ruleSet: RuleSet, known: Set<string>, name: string): void {
  for (const area of SOLUTION_AREAS) {
    const metrics = ruleSet.areas[area].metrics;
    const total = metrics.reduce((sum, m) => sum + m.maxPoints, 0);
    if (Math.abs(total - 100) > 1e-9) throw new RuleFileError(`${name}: areas.${area}: maxPoints add up to ${total}, not 100`);
    metrics.forEach((metric, i) => {
      const named = [
        ...(metric.gate ?? []).map((g) => g.certification),
        ...metric.parts.flatMap((p) => (p.kind === 'peopleHolding' ? p.requires.flat() : [])),
      ];
      for (const id of named) {
        if (!known.has(id)) throw new RuleFileError(`${name}: areas.${area}.metrics[${i}]: unknown certification ${id}`);
      }
    });
  }
}

/**
 * Validates raw rule files: schema, `extends` chains, certification ids against the catalogue,
 * 100 points per area. Throws a RuleFileError naming the file and the place on the first problem.
 */
export function loadRules(ruleSetFiles: Record<string, unknown>, catalogueRaw: unknown, catalogueName = 'rules/certifications.json'): Rules {
  const { certifications } = parseOrThrow(CertificationCatalogue, catalogueRaw, catalogueName);
  const known = new Set(certifications.map((c) => c.id));
  if (known.size !== certifications.length) throw new RuleFileError(`${catalogueName}: certification ids must be unique`);

  const parsed = Object.entries(ruleSetFiles)
    .map(([name, raw]) => ({ name, file: parseOrThrow(RuleSetFile, raw, name) }))
    .sort((a, b) => a.file.effectiveFrom.localeCompare(b.file.effectiveFrom));

  const resolved = new Map<string, RuleSet>();
  for (const { name, file } of parsed) {
    if (resolved.has(file.id)) throw new RuleFileError(`${name}: id: rule set ${file.id} is defined twice`);
    const ruleSet = resolve(file, resolved, name);
    checkAgainstCatalogue(ruleSet, known, name);
    resolved.set(file.id, ruleSet);
  }
  const ruleSets = [...resolved.values()];
  for (let i = 1; i < ruleSets.length; i++) {
    if (ruleSets[i]!.effectiveFrom === ruleSets[i - 1]!.effectiveFrom) {
      throw new RuleFileError(`rule sets ${ruleSets[i - 1]!.id} and ${ruleSets[i]!.id} take effect on the same day`);
    }
  }
  return { ruleSets, certifications };
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
