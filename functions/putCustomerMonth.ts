import { json, withEtag } from './edge/respond.js';
import { ifMatch, parse, readJsonBody } from './edge/request.js';
import { ErrorBody, MonthPath, MonthUsage } from '../shared/model/api.js';
import { handled } from './edge/http.js';
import { STALE_IF_MATCH } from './edge/refusals.js';
import { recomputeAfterWrite } from './edge/recomputeOnWrite.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'putCustomerMonth',
  route: 'partners/{partnerId}/customers/{customerId}/months/{month}',
  method: 'PUT',
  role: 'Partner.Admin',
  contract: {
    summary: "Set one customer's usage in one month (fields default to 0); the ETag is the customer's",
    tag: 'data',
    params: MonthPath,
    body: MonthUsage,
    etag: true,
    responses: {
      200: { description: 'stored', schema: MonthUsage },
      400: { description: 'invalid body or month', schema: ErrorBody },
      404: { description: 'no such partner or customer', schema: ErrorBody },
      412: STALE_IF_MATCH,
    },
  },
  handler: handled(async (request, context) => {
    const { partnerId, customerId, month } = parse(MonthPath, request.params, 'path');
    const usage = parse(MonthUsage, await readJsonBody(request), 'body');
    const saved = await adapters().partners.customers.putMonth(partnerId, customerId, month, usage, ifMatch(request));
    await recomputeAfterWrite(partnerId, context);
    return json(200, saved.value, withEtag(saved.etag));
  }),
});
