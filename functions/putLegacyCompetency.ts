import { legacy } from '../rules/index.js';
import { refuse } from '../shared/refusal.js';
import { json } from './edge/respond.js';
import { parse, readJsonBody } from './edge/request.js';
import { checkLegacyCompetency } from '../shared/lifecycle/packages.js';
import { ErrorBody } from '../shared/model/api.js';
import { CompetencyPath, LegacyCompetencyBody, LegacyCompetencyView } from '../shared/model/lifecycle.js';
import { handled } from './edge/http.js';
import { inRequest, INVALID_BODY, NO_PARTNER } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'putLegacyCompetency',
  route: 'partners/{partnerId}/legacy-competencies/{competency}',
  method: 'PUT',
  role: 'Partner.Admin',
  contract: {
    summary: 'Record a legacy Silver/Gold competency (one of the 18, earned on or before 2022-09-30)',
    tag: 'lifecycle',
    params: CompetencyPath,
    body: LegacyCompetencyBody,
    responses: {
      200: { description: 'replaced', schema: LegacyCompetencyView },
      201: { description: 'recorded', schema: LegacyCompetencyView },
      400: INVALID_BODY,
      404: NO_PARTNER,
      409: { description: 'earned after 2022-09-30, when no competency could be attained any more', schema: ErrorBody },
    },
  },
  handler: handled(async (request) => {
    const { partnerId, competency } = parse(CompetencyPath, request.params, 'path');
    const body = parse(LegacyCompetencyBody, await readJsonBody(request), 'body');
    const held = { competency, ...body };
    const refusal = checkLegacyCompetency(held, legacy);
    if (refusal) throw refuse(inRequest('path', refusal));
    const created = await adapters().partners.membership.putLegacyCompetency(partnerId, held);
    return json(created ? 201 : 200, held);
  }),
});
