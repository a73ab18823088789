import { specializations } from '../rules/index.js';
import { refuse } from '../shared/refusal.js';
import { json } from './edge/respond.js';
import { parse, readJsonBody } from './edge/request.js';
import { today } from '../shared/clock.js';
import { checkSpecialization, specializationStatuses } from '../shared/lifecycle/entitlements.js';
import { ErrorBody } from '../shared/model/api.js';
import { SpecializationBody, SpecializationPath, SpecializationView } from '../shared/model/lifecycle.js';
import { handled } from './edge/http.js';
import { badRequest, inRequest, INVALID_BODY, NO_PARTNER } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'putSpecialization',
  route: 'partners/{partnerId}/specializations/{specializationId}',
  method: 'PUT',
  role: 'Partner.Admin',
  contract: {
    summary: 'Record a specialization the partner attained; it needs an active designation of its area',
    tag: 'lifecycle',
    params: SpecializationPath,
    body: SpecializationBody,
    responses: {
      200: { description: 'replaced', schema: SpecializationView },
      201: { description: 'recorded', schema: SpecializationView },
      400: INVALID_BODY,
      404: NO_PARTNER,
      409: { description: 'no active designation of its area', schema: ErrorBody },
    },
  },
  handler: handled(async (request) => {
    const { partnerId, specializationId } = parse(SpecializationPath, request.params, 'path');
    const { attainedOn } = parse(SpecializationBody, await readJsonBody(request), 'body');
    if (attainedOn > today()) throw badRequest([{ path: 'body.attainedOn', message: `${attainedOn} is in the future` }]);
    const recorded = { id: specializationId, attainedOn };
    // Checked on the partner document as written, so a designation lapsing meanwhile is seen.
    const { created, lifecycle } = await adapters().partners.membership.putSpecialization(partnerId, recorded, ({ membership }) => {
      const refusal = checkSpecialization(membership, specializationId, specializations);
      if (refusal) throw refuse(inRequest('path', refusal));
    });
    return json(created ? 201 : 200, specializationStatuses(lifecycle.membership, [recorded], specializations)[0]);
  }),
});
