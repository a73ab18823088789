import { z } from 'zod';
import { rules } from '../rules/index.js';
import { json } from '../shared/http/respond.js';
import { handled } from './http.js';
import { registerHttp } from './registry.js';

registerHttp({
  name: 'getRules',
  route: 'rules',
  method: 'GET',
  authLevel: 'function',
  contract: {
    summary: 'The rule sets (with their effective dates) and the certification catalogue',
    tag: 'rules',
    responses: { 200: { description: 'rules in force and past', schema: z.object({ ruleSets: z.array(z.unknown()), certifications: z.array(z.unknown()) }) } },
  },
  handler: handled(async () => json(200, { ruleSets: rules.ruleSets, certifications: rules.certifications })),
});
