import { json, withEtag } from './edge/respond.js';
import { ifMatch, parse, readJsonBody } from './edge/request.js';
import { CustomerPath, CustomerProfile } from '../shared/model/api.js';
import { handled } from './edge/http.js';
import { INVALID_BODY, NO_PARTNER, STALE_IF_MATCH } from './edge/refusals.js';
import { recomputeAfterWrite } from './edge/recomputeOnWrite.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'putCustomer',
  route: 'partners/{partnerId}/customers/{customerId}',
  method: 'PUT',
  role: 'Partner.Admin',
  contract: {
    summary: "Create or replace a customer's profile and associations (its months are kept)",
    tag: 'data',
    params: CustomerPath,
    body: CustomerProfile,
    etag: true,
    responses: {
      200: { description: 'replaced', schema: CustomerProfile },
      201: { description: 'created', schema: CustomerProfile },
      400: INVALID_BODY,
      404: NO_PARTNER,
      412: STALE_IF_MATCH,
    },
  },
  handler: handled(async (request, context) => {
    const { partnerId, customerId } = parse(CustomerPath, request.params, 'path');
    const profile = parse(CustomerProfile, await readJsonBody(request), 'body');
    const saved = await adapters().partners.customers.putCustomer(partnerId, customerId, profile, ifMatch(request));
    await recomputeAfterWrite(partnerId, context);
    return json(saved.created ? 201 : 200, saved.value, withEtag(saved.etag));
  }),
});
