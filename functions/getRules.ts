import { z } from 'zod';
import { fees, legacy, renewalTerms, rules } from '../rules/index.js';
import { FeeSchedule, LegacyRules, RenewalTerms } from '../rules/lifecycleSchema.js';
import { json } from '../shared/http/respond.js';
import { handled } from './http.js';
import { registerHttp } from './registry.js';

const Rules = z.object({ ruleSets: z.array(z.unknown()), certifications: z.array(z.unknown()), fees: FeeSchedule, renewal: RenewalTerms, legacy: LegacyRules });

registerHttp({
  name: 'getRules',
  route: 'rules',
  method: 'GET',
  authLevel: 'function',
  contract: {
    summary: 'The rule sets (with their effective dates), the certification catalogue, the fees (effective-dated), the renewal terms and the legacy rules',
    tag: 'rules',
    responses: { 200: { description: 'rules in force and past', schema: Rules } },
  },
  handler: handled(async () => json(200, { ruleSets: rules.ruleSets, certifications: rules.certifications, fees, renewal: renewalTerms, legacy })),
});
