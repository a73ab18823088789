import { z } from 'zod';
import { json } from './edge/respond.js';
import { parse } from './edge/request.js';
import { PartnerPath } from '../shared/model/api.js';
import { AREA_NAMES } from '../shared/model/primitives.js';
import { activeAreas, hasMicrosoftCloudBadge } from '../shared/lifecycle/membership.js';
import { handled } from './edge/http.js';
import { NO_PARTNER } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

const Badges = z.object({ badges: z.array(z.object({ badge: z.string(), area: z.string().optional(), since: z.string().optional() })) });

registerHttp({
  name: 'getBadges',
  route: 'partners/{partnerId}/badges',
  method: 'GET',
  role: 'Partner.Reader',
  contract: {
    summary: "The partner's badges: one per active designation, and Microsoft Cloud while all six are active (badges belong to the PGA)",
    tag: 'lifecycle',
    params: PartnerPath,
    responses: { 200: { description: 'the badges', schema: Badges }, 404: NO_PARTNER },
  },
  handler: handled(async (request) => {
    const { partnerId } = parse(PartnerPath, request.params, 'path');
    const { membership } = await adapters().partners.membership.lifecycle(partnerId);
    const badges: z.infer<typeof Badges>['badges'] = activeAreas(membership).map((area) => ({
      badge: `Solutions Partner for ${AREA_NAMES[area]}`,
      area,
      since: membership.designations[area]!.attainedOn,
    }));
    if (hasMicrosoftCloudBadge(membership)) badges.push({ badge: 'Microsoft Cloud' });
    return json(200, { badges });
  }),
});
