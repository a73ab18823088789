import { z } from 'zod';
import { fees, legacy, renewalTerms, rules } from '../rules/index.js';
import { FeeSchedule, LegacyRules, RenewalTerms } from '../rules/lifecycleSchema.js';
import { Certification, Generation, Source, Workload } from '../rules/schema.js';
import { json } from './edge/respond.js';
import { handled } from './edge/http.js';
import { registerHttp } from './edge/registry.js';

/** Each rule set with its effective date, whether that date is assumed, and its sources (page and section). */
const RuleSetView = z.looseObject({
  id: z.string(),
  effectiveFrom: z.string(),
  effectiveFromAssumed: z.boolean(),
  description: z.string(),
  generation: Generation,
  sources: z.array(Source),
});
const Rules = z.object({
  ruleSets: z.array(RuleSetView),
  certifications: z.array(Certification),
  workloads: z.array(Workload),
  fees: FeeSchedule,
  renewal: RenewalTerms,
  legacy: LegacyRules,
});

registerHttp({
  name: 'getRules',
  route: 'rules',
  method: 'GET',
  role: 'Partner.Reader',
  contract: {
    summary:
      'The rule sets (each with its effective date and its sources: page and section), the certification catalogue (with retirements per page generation), the Business Applications workloads, the fees (effective-dated), the renewal terms and the legacy rules',
    tag: 'rules',
    responses: { 200: { description: 'rules in force and past', schema: Rules } },
  },
  handler: handled(async () =>
    json(200, {
      ruleSets: rules.ruleSets,
      certifications: rules.certifications,
      workloads: rules.workloads,
      fees,
      renewal: renewalTerms,
      legacy,
    }),
  ),
});
