import { json } from './edge/respond.js';
import { parse, queryObject } from './edge/request.js';
import { ErrorBody, ListQuery, PartnerList } from '../shared/model/api.js';
import { isOperator } from '../shared/auth/authorize.js';
import { callerOf } from './edge/guard.js';
import { handled } from './edge/http.js';
import { ownPartners } from './edge/ownPartners.js';
import { fieldsOf } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'listPartners',
  route: 'partners',
  method: 'GET',
  role: 'Partner.Reader',
  contract: {
    summary:
      "List partners (an operator's: all; anyone else's: those of its tenant), a page at a time; pass `continuation` back for the next page",
    tag: 'partners',
    query: ListQuery,
    responses: {
      200: { description: 'a page of partners', schema: PartnerList },
      400: { description: 'invalid query', schema: ErrorBody },
    },
  },
  handler: handled(async (request) => {
    const { limit, continuation } = parse(ListQuery, queryObject(request), 'query');
    // Operators (and the function key) list every partner; everyone else the partners of its tenant.
    const { caller, partners } = callerOf(request);
    if (caller.kind === 'functionKey' || isOperator(caller))
      return json(200, await fieldsOf('query', adapters().partners.listings.listPartners(limit, continuation)));
    return json(200, await fieldsOf('query', ownPartners(caller.tid, partners, limit, continuation)));
  }),
});
