import { json, withEtag } from './edge/respond.js';
import { parse, readJsonBody } from './edge/request.js';
import { ErrorBody, PartnerProfile } from '../shared/model/api.js';
import { handled } from './edge/http.js';
import { INVALID_BODY } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'createPartner',
  route: 'partners',
  method: 'POST',
  role: 'Program.Operator',
  contract: {
    summary: 'Create a partner',
    tag: 'partners',
    body: PartnerProfile,
    etag: true,
    responses: {
      201: { description: 'created', schema: PartnerProfile },
      400: INVALID_BODY,
      409: { description: 'the partner exists', schema: ErrorBody },
    },
  },
  handler: handled(async (request) => {
    const profile = parse(PartnerProfile, await readJsonBody(request), 'body');
    const created = await adapters().partners.profiles.createPartner(profile, new Date().toISOString());
    return json(201, created.value, { ...withEtag(created.etag), Location: `/api/partners/${profile.partnerId}` });
  }),
});
