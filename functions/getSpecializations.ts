import { specializations } from '../rules/index.js';
import { json } from './edge/respond.js';
import { parse } from './edge/request.js';
import { specializationStatuses } from '../shared/lifecycle/entitlements.js';
import { PartnerPath } from '../shared/model/api.js';
import { Specializations } from '../shared/model/lifecycle.js';
import { handled } from './edge/http.js';
import { NO_PARTNER } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'getSpecializations',
  route: 'partners/{partnerId}/specializations',
  method: 'GET',
  role: 'Partner.Reader',
  contract: {
    summary: "The partner's specializations, each active only while a designation of its area is",
    tag: 'lifecycle',
    params: PartnerPath,
    responses: { 200: { description: 'the specializations', schema: Specializations }, 404: NO_PARTNER },
  },
  handler: handled(async (request) => {
    const { partnerId } = parse(PartnerPath, request.params, 'path');
    const lifecycle = await adapters().partners.membership.lifecycle(partnerId);
    return json(200, { specializations: specializationStatuses(lifecycle.membership, lifecycle.specializations, specializations) });
  }),
});
