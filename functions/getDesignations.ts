import { z } from 'zod';
import { json } from './edge/respond.js';
import { parse } from './edge/request.js';
import { PartnerPath } from '../shared/model/api.js';
import { IsoDate } from '../shared/model/primitives.js';
import { Designation } from '../shared/model/lifecycle.js';
import { nextAnniversary } from '../shared/lifecycle/anniversary.js';
import { today } from '../shared/clock.js';
import { handled } from './edge/http.js';
import { NO_PARTNER } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

const Designations = z.object({
  anniversary: IsoDate.nullable(),
  nextAnniversary: IsoDate.nullable(),
  /** Active ones carry the day they come up for renewal: the partner's next anniversary, shared by all. */
  designations: z.array(Designation.extend({ renewsOn: IsoDate.optional() })),
});

registerHttp({
  name: 'getDesignations',
  route: 'partners/{partnerId}/designations',
  method: 'GET',
  role: 'Partner.Reader',
  contract: {
    summary: "The partner's Solutions Partner designations, the shared anniversary, and which are at risk",
    tag: 'lifecycle',
    params: PartnerPath,
    responses: { 200: { description: 'the designations', schema: Designations }, 404: NO_PARTNER },
  },
  handler: handled(async (request) => {
    const { partnerId } = parse(PartnerPath, request.params, 'path');
    const { membership } = await adapters().partners.membership.lifecycle(partnerId);
    const next = membership.anniversary ? nextAnniversary(membership.anniversary, today()) : null;
    return json(200, {
      anniversary: membership.anniversary ?? null,
      nextAnniversary: next,
      designations: Object.values(membership.designations).map((d) => (d!.status === 'active' && next ? { ...d, renewsOn: next } : d)),
    });
  }),
});
