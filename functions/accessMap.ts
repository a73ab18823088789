import { notFound, refuse } from '../shared/refusal.js';
import { json, withEtag } from './edge/respond.js';
import { ifMatch, parse, readJsonBody } from './edge/request.js';
import { AccessBody, AccessChange, AccessView, TenantPath } from '../shared/model/access.js';
import { ErrorBody } from '../shared/model/api.js';
import { handled } from './edge/http.js';
import { INVALID_BODY, STALE_IF_MATCH } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';
import { etagOf } from '../shared/store/versions.js';

// The access map: which partners the users of an Entra tenant act for. Operators only.
const NO_MAPPING = { description: 'the tenant is not mapped', schema: ErrorBody };

registerHttp({
  name: 'putAccess',
  route: 'access/{tenantId}',
  method: 'PUT',
  role: 'Program.Operator',
  contract: {
    summary: "Set the partners a tenant's users act for (replaces the list)",
    tag: 'access',
    params: TenantPath,
    body: AccessBody,
    responses: {
      200: { description: 'the mapping as it now is, and the partners it had before', schema: AccessChange },
      400: INVALID_BODY,
      412: STALE_IF_MATCH,
    },
    etag: true,
  },
  handler: handled(async (request) => {
    const { tenantId } = parse(TenantPath, request.params, 'path');
    const { partnerIds } = parse(AccessBody, await readJsonBody(request), 'body');
    const { access, previous } = await adapters().access.put(tenantId, partnerIds, new Date().toISOString(), ifMatch(request));
    return json(
      200,
      { tenantId: access.tenantId, partnerIds: access.partnerIds, previousPartnerIds: previous },
      withEtag(etagOf(access.version)),
    );
  }),
});

registerHttp({
  name: 'getAccess',
  route: 'access/{tenantId}',
  method: 'GET',
  role: 'Program.Operator',
  contract: {
    summary: "The partners a tenant's users act for",
    tag: 'access',
    params: TenantPath,
    responses: { 200: { description: 'the mapping', schema: AccessView }, 404: NO_MAPPING },
  },
  handler: handled(async (request) => {
    const { tenantId } = parse(TenantPath, request.params, 'path');
    const access = await adapters().access.get(tenantId);
    if (!access) throw refuse(notFound(`tenant ${tenantId}`, `tenant ${tenantId} is not mapped to any partner`));
    return json(200, { tenantId: access.tenantId, partnerIds: access.partnerIds }, withEtag(etagOf(access.version)));
  }),
});

registerHttp({
  name: 'deleteAccess',
  route: 'access/{tenantId}',
  method: 'DELETE',
  role: 'Program.Operator',
  contract: {
    summary: 'Remove a tenant from the access map: its users act for no partner',
    tag: 'access',
    params: TenantPath,
    responses: { 200: { description: 'removed; the partners it had', schema: AccessChange }, 404: NO_MAPPING },
  },
  handler: handled(async (request) => {
    const { tenantId } = parse(TenantPath, request.params, 'path');
    const previous = await adapters().access.remove(tenantId);
    if (!previous) throw refuse(notFound(`tenant ${tenantId}`, `tenant ${tenantId} is not mapped to any partner`));
    return json(200, { tenantId, partnerIds: [], previousPartnerIds: previous });
  }),
});
