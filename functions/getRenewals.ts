import { json } from './edge/respond.js';
import { parse } from './edge/request.js';
import { today } from '../shared/clock.js';
import { nextAnniversary } from '../shared/lifecycle/anniversary.js';
import { PartnerPath } from '../shared/model/api.js';
import { Renewals } from '../shared/model/lifecycle.js';
import { toRenewalView } from './edge/renewalView.js';
import { handled } from './edge/http.js';
import { NO_PARTNER } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'getRenewals',
  route: 'partners/{partnerId}/renewals',
  method: 'GET',
  role: 'Partner.Reader',
  contract: {
    summary: 'One record per anniversary: the package chosen, the preview, what renewed and lapsed, the fee and its payments',
    tag: 'lifecycle',
    params: PartnerPath,
    responses: { 200: { description: 'the renewals, oldest first', schema: Renewals }, 404: NO_PARTNER },
  },
  handler: handled(async (request) => {
    const { partnerId } = parse(PartnerPath, request.params, 'path');
    const { membership } = await adapters().partners.membership.lifecycle(partnerId);
    const anniversary = membership.anniversary;
    const docs = anniversary ? await adapters().renewals.list(partnerId) : [];
    return json(200, {
      anniversary: anniversary ?? null,
      nextAnniversary: anniversary ? nextAnniversary(anniversary, today()) : null,
      renewals: docs.map((doc) => toRenewalView(doc, anniversary!)),
    });
  }),
});
