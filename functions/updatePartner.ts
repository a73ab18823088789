import { refuse, refused } from '../shared/refusal.js';
import { json, withEtag } from './edge/respond.js';
import { ifMatch, parse, readJsonBody } from './edge/request.js';
import { ErrorBody, PartnerPatch, PartnerPath, PartnerProfile } from '../shared/model/api.js';
import { handled } from './edge/http.js';
import { INVALID_BODY, NO_PARTNER, STALE_IF_MATCH } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'updatePartner',
  route: 'partners/{partnerId}',
  method: 'PATCH',
  role: 'Partner.Admin',
  contract: {
    summary: 'Update a partner (If-Match supported)',
    tag: 'partners',
    params: PartnerPath,
    body: PartnerPatch,
    etag: true,
    responses: {
      200: { description: 'updated', schema: PartnerProfile },
      400: INVALID_BODY,
      404: NO_PARTNER,
      409: { description: 'the anniversary is already set', schema: ErrorBody },
      412: STALE_IF_MATCH,
    },
  },
  handler: handled(async (request) => {
    const { partnerId } = parse(PartnerPath, request.params, 'path');
    const patch = parse(PartnerPatch, await readJsonBody(request), 'body');
    const updated = await adapters().partners.profiles.updatePartner(
      partnerId,
      (current) => {
        if (patch.anniversary !== undefined && current.anniversary !== undefined && patch.anniversary !== current.anniversary) {
          throw refuse(refused('anniversaryFixed', `the membership anniversary ${current.anniversary} never changes`));
        }
        // The merged profile is checked whole: benefit locations must be among the locations.
        return parse(PartnerProfile, { ...current, ...patch }, 'body');
      },
      new Date().toISOString(),
      ifMatch(request),
    );
    return json(200, updated.value, withEtag(updated.etag));
  }),
});
