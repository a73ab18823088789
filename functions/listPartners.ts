import { json } from '../shared/http/respond.js';
import { parse, queryObject } from '../shared/http/request.js';
import { ErrorBody, ListQuery, PartnerList } from '../shared/model/api.js';
import { partnerStore } from '../shared/store/partnerStore.js';
import { handled } from './http.js';
import { registerHttp } from './registry.js';

registerHttp({
  name: 'listPartners',
  route: 'partners',
  method: 'GET',
  authLevel: 'function',
  contract: {
    summary: 'List partners, a page at a time; pass `continuation` back for the next page',
    tag: 'partners',
    query: ListQuery,
    responses: { 200: { description: 'a page of partners', schema: PartnerList }, 400: { description: 'invalid query', schema: ErrorBody } },
  },
  handler: handled(async (request) => {
    const { limit, continuation } = parse(ListQuery, queryObject(request), 'query');
    return json(200, await partnerStore().listPartners(limit, continuation));
  }),
});
