import { inRequest, INVALID_BODY, NO_PARTNER } from './edge/refusals.js';
import { refuse } from '../shared/refusal.js';
import { json } from './edge/respond.js';
import { parse, readJsonBody } from './edge/request.js';
import { PartnerPath } from '../shared/model/api.js';
import { WhatIfResultSchema } from '../shared/model/scoreDocument.js';
import { WhatIfRequest } from '../shared/model/whatIf.js';
import { toScoreDocument, whatIf } from '../shared/scoring/index.js';
import { asOfAndRules } from './edge/asOf.js';
import { handled } from './edge/http.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'whatIf',
  route: 'partners/{partnerId}/what-if',
  method: 'POST',
  role: 'Partner.Reader',
  contract: {
    summary: 'The score hypothetical customers, people or usage would give; nothing is stored',
    tag: 'scores',
    params: PartnerPath,
    body: WhatIfRequest,
    responses: {
      200: { description: 'current and hypothetical score documents, and the change per area', schema: WhatIfResultSchema },
      400: INVALID_BODY,
      404: NO_PARTNER,
    },
  },
  handler: handled(async (request) => {
    const { partnerId } = parse(PartnerPath, request.params, 'path');
    const hypothesis = parse(WhatIfRequest, await readJsonBody(request), 'body');
    const { asOf, ruleSet } = asOfAndRules(hypothesis.asOf, 'body.asOf');
    const facts = await adapters().partners.customers.requireFacts(partnerId);
    const result = whatIf(facts, hypothesis, ruleSet, asOf);
    if ('kind' in result) throw refuse(inRequest('body', result));
    return json(200, {
      replaced: result.replaced,
      current: toScoreDocument(result.current),
      hypothetical: toScoreDocument(result.hypothetical),
      changes: result.changes,
    });
  }),
});
