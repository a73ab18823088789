import { json } from './edge/respond.js';
import { parse, queryObject } from './edge/request.js';
import { AsOfQuery, ErrorBody, PartnerPath } from '../shared/model/api.js';
import { ScoreDocumentSchema } from '../shared/model/scoreDocument.js';
import { scorePartner, toScoreDocument } from '../shared/scoring/index.js';
import { asOfAndRules } from './edge/asOf.js';
import { handled } from './edge/http.js';
import { NO_PARTNER } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'getScores',
  route: 'partners/{partnerId}/scores',
  method: 'GET',
  role: 'Partner.Reader',
  contract: {
    summary: 'The partner capability score in all six areas as of a date (default today, UTC), with explanations',
    tag: 'scores',
    params: PartnerPath,
    query: AsOfQuery,
    responses: {
      200: { description: 'the score document (SPEC §6.1), the same the command line prints', schema: ScoreDocumentSchema },
      400: { description: 'invalid as-of date, or one before the first rule set', schema: ErrorBody },
      404: NO_PARTNER,
    },
  },
  handler: handled(async (request) => {
    const { partnerId } = parse(PartnerPath, request.params, 'path');
    const { asOf, ruleSet } = asOfAndRules(parse(AsOfQuery, queryObject(request), 'query').asOf, 'query.asOf');
    const facts = await adapters().partners.customers.requireFacts(partnerId);
    return json(200, toScoreDocument(scorePartner(facts, ruleSet, asOf)));
  }),
});
