import { json, withEtag } from '../shared/http/respond.js';
import { ifMatch, parse, readJsonBody } from '../shared/http/request.js';
import { ErrorBody, PersonPath, PersonProfile } from '../shared/model/api.js';
import { settings } from '../shared/settings.js';
import { partnerStore } from '../shared/store/partnerStore.js';
import { handled } from './http.js';
import { recomputeAfterWrite } from './recomputeOnWrite.js';
import { registerHttp } from './registry.js';

registerHttp({
  name: 'putPerson',
  route: 'partners/{partnerId}/people/{personId}',
  method: 'PUT',
  authLevel: 'function',
  contract: {
    summary: 'Create or replace a person linked to the partner, with their certifications',
    tag: 'data',
    params: PersonPath,
    body: PersonProfile,
    etag: true,
    responses: {
      200: { description: 'replaced', schema: PersonProfile },
      201: { description: 'created', schema: PersonProfile },
      400: { description: 'invalid body', schema: ErrorBody },
      404: { description: 'no such partner', schema: ErrorBody },
      412: { description: 'stale If-Match', schema: ErrorBody },
    },
  },
  handler: handled(async (request, context) => {
    const { partnerId, personId } = parse(PersonPath, request.params, 'path');
    const profile = parse(PersonProfile, await readJsonBody(request, settings().MAX_REQUEST_BYTES), 'body');
    const saved = await partnerStore().putPerson(partnerId, personId, profile, ifMatch(request));
    await recomputeAfterWrite(partnerId, context);
    return json(saved.created ? 201 : 200, saved.value, withEtag(saved.etag));
  }),
});
