import { json } from './edge/respond.js';
import { parse, queryObject } from './edge/request.js';
import { AuditPage, AuditQuery } from '../shared/model/access.js';
import { ErrorBody, PartnerPath } from '../shared/model/api.js';
import { handled } from './edge/http.js';
import { fieldsOf, NO_PARTNER } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'getAudit',
  route: 'partners/{partnerId}/audit',
  method: 'GET',
  role: 'Partner.Admin',
  contract: {
    summary: "The partner's audit trail: who wrote what and when, newest first, a page at a time",
    tag: 'partners',
    params: PartnerPath,
    query: AuditQuery,
    responses: {
      200: { description: 'a page of audit records', schema: AuditPage },
      400: { description: 'invalid query', schema: ErrorBody },
      404: NO_PARTNER,
    },
  },
  handler: handled(async (request) => {
    const { partnerId } = parse(PartnerPath, request.params, 'path');
    const { limit, continuation } = parse(AuditQuery, queryObject(request), 'query');
    await adapters().partners.profiles.requirePartner(partnerId);
    return json(200, await fieldsOf('query', adapters().audit.list(partnerId, limit, continuation)));
  }),
});
