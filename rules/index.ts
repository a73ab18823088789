import certificationsJson from './certifications.json' with { type: 'json' };
import ruleSet2022_10 from './ruleSets/2022-10.json' with { type: 'json' };
import ruleSet2023_12 from './ruleSets/2023-12.json' with { type: 'json' };
import ruleSet2024_07 from './ruleSets/2024-07.json' with { type: 'json' };
import ruleSet2025_07 from './ruleSets/2025-07.json' with { type: 'json' };
import workloadsJson from './workloads.json' with { type: 'json' };
import feesJson from './lifecycle/fees.json' with { type: 'json' };
import legacyJson from './lifecycle/legacy.json' with { type: 'json' };
import benefitsJson from './lifecycle/benefits.json' with { type: 'json' };
import specializationsJson from './lifecycle/specializations.json' with { type: 'json' };
import renewalJson from './lifecycle/renewal.json' with { type: 'json' };
import { BenefitCatalogue, FeeSchedule, LegacyRules, RenewalTerms, SpecializationCatalogue, type RenewalRules } from './lifecycleSchema.js';
import { loadRules, parseOrThrow, ruleSetIn, workloadIndex } from './load.js';
import type { RuleSet } from './schema.js';

// Loaded and validated once, at start: a malformed file stops the process with the place named.
export const rules = loadRules(
  {
    'rules/ruleSets/2022-10.json': ruleSet2022_10,
    'rules/ruleSets/2023-12.json': ruleSet2023_12,
    'rules/ruleSets/2024-07.json': ruleSet2024_07,
    'rules/ruleSets/2025-07.json': ruleSet2025_07,
  },
  certificationsJson,
  workloadsJson,
);

/** Every spelling of a Business Applications workload the pages use, to its catalogue entry. */
export const workloadsBySpelling = workloadIndex(rules.workloads);

export const fees: FeeSchedule = parseOrThrow(FeeSchedule, feesJson, 'rules/lifecycle/fees.json');
export const legacy: LegacyRules = parseOrThrow(LegacyRules, legacyJson, 'rules/lifecycle/legacy.json');
export const renewalTerms: RenewalTerms = parseOrThrow(RenewalTerms, renewalJson, 'rules/lifecycle/renewal.json');
export const renewalRules: RenewalRules = { fees, legacy, terms: renewalTerms };
export const specializations: SpecializationCatalogue = parseOrThrow(
  SpecializationCatalogue,
  specializationsJson,
  'rules/lifecycle/specializations.json',
);
export const benefits: BenefitCatalogue = parseOrThrow(BenefitCatalogue, benefitsJson, 'rules/lifecycle/benefits.json');
for (const id of Object.keys(benefits.bySpecialization)) {
  if (!specializations.specializations.some((s) => s.id === id))
    throw new Error(`rules/lifecycle/benefits.json: bySpecialization.${id}: unknown specialization`);
}

export function ruleSetFor(asOf: string): RuleSet {
  return ruleSetIn(rules.ruleSets, asOf);
}

export type { RuleSet } from './schema.js';
