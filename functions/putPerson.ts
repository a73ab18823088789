import { json, withEtag } from './edge/respond.js';
import { ifMatch, parse, readJsonBody } from './edge/request.js';
import { PersonPath, PersonProfile } from '../shared/model/api.js';
import { handled } from './edge/http.js';
import { INVALID_BODY, NO_PARTNER, STALE_IF_MATCH } from './edge/refusals.js';
import { recomputeAfterWrite } from './edge/recomputeOnWrite.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'putPerson',
  route: 'partners/{partnerId}/people/{personId}',
  method: 'PUT',
  role: 'Partner.Admin',
  contract: {
    summary: 'Create or replace a person linked to the partner, with their certifications',
    tag: 'data',
    params: PersonPath,
    body: PersonProfile,
    etag: true,
    responses: {
      200: { description: 'replaced', schema: PersonProfile },
      201: { description: 'created', schema: PersonProfile },
      400: INVALID_BODY,
      404: NO_PARTNER,
      412: STALE_IF_MATCH,
    },
  },
  handler: handled(async (request, context) => {
    const { partnerId, personId } = parse(PersonPath, request.params, 'path');
    const profile = parse(PersonProfile, await readJsonBody(request), 'body');
    const saved = await adapters().partners.profiles.putPerson(partnerId, personId, profile, ifMatch(request));
    await recomputeAfterWrite(partnerId, context);
    return json(saved.created ? 201 : 200, saved.value, withEtag(saved.etag));
  }),
});
