import { json, withEtag } from './edge/respond.js';
import { parse } from './edge/request.js';
import { PartnerPath, PartnerProfile } from '../shared/model/api.js';
import { handled } from './edge/http.js';
import { NO_PARTNER } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'getPartner',
  route: 'partners/{partnerId}',
  method: 'GET',
  role: 'Partner.Reader',
  contract: {
    summary: 'Read a partner',
    tag: 'partners',
    params: PartnerPath,
    etag: true,
    responses: { 200: { description: 'the partner', schema: PartnerProfile }, 404: NO_PARTNER },
  },
  handler: handled(async (request) => {
    const { partnerId } = parse(PartnerPath, request.params, 'path');
    const partner = await adapters().partners.profiles.requirePartner(partnerId);
    return json(200, partner.value, withEtag(partner.etag));
  }),
});
