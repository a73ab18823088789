import { z } from 'zod';
import { json } from './edge/respond.js';
import { parse } from './edge/request.js';
import { PartnerPath } from '../shared/model/api.js';
import { handled } from './edge/http.js';
import { NO_PARTNER } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'requestRecompute',
  route: 'partners/{partnerId}/recompute',
  method: 'POST',
  role: 'Program.Operator',
  contract: {
    summary: "Queue a recompute of the partner's scores",
    tag: 'scores',
    params: PartnerPath,
    responses: { 202: { description: 'queued', schema: z.object({ queued: z.literal(true), partnerId: z.string() }) }, 404: NO_PARTNER },
  },
  handler: handled(async (request) => {
    const { partnerId } = parse(PartnerPath, request.params, 'path');
    await adapters().partners.profiles.requirePartner(partnerId);
    await adapters().queues.enqueueRecompute({ partnerId, reason: 'requested' });
    return json(202, { queued: true, partnerId });
  }),
});
