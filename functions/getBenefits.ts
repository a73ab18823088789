import { benefits, specializations } from '../rules/index.js';
import { json } from './edge/respond.js';
import { parse } from './edge/request.js';
import { entitlements, specializationStatuses } from '../shared/lifecycle/entitlements.js';
import { packageInForce } from '../shared/lifecycle/membership.js';
import { PartnerPath } from '../shared/model/api.js';
import { Benefits } from '../shared/model/lifecycle.js';
import { handled } from './edge/http.js';
import { NO_PARTNER } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'getBenefits',
  route: 'partners/{partnerId}/benefits',
  method: 'GET',
  role: 'Partner.Reader',
  contract: {
    summary:
      "The partner's benefits package and entitlements (they belong to the PGA, which says which locations receive them), and its legacy competencies",
    tag: 'lifecycle',
    params: PartnerPath,
    responses: { 200: { description: 'the benefits', schema: Benefits }, 404: NO_PARTNER },
  },
  handler: handled(async (request) => {
    const { partnerId } = parse(PartnerPath, request.params, 'path');
    const {
      profile,
      membership,
      legacyCompetencies,
      specializations: recorded,
    } = await adapters().partners.membership.lifecycle(partnerId);
    const pkg = packageInForce(membership);
    const locations = profile.benefitLocations ?? [];
    return json(200, {
      package: pkg,
      since: membership.lastRenewal ?? null,
      locations,
      entitlements: entitlements(membership, pkg, specializationStatuses(membership, recorded, specializations), benefits, locations),
      legacyCompetencies,
    });
  }),
});
