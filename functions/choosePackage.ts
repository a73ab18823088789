import { legacy } from '../rules/index.js';
import { refuse } from '../shared/refusal.js';
import { json } from './edge/respond.js';
import { parse, readJsonBody } from './edge/request.js';
import { today } from '../shared/clock.js';
import { checkPackageChoice } from '../shared/lifecycle/packages.js';
import { withPackageChoice } from '../shared/lifecycle/renewalChanges.js';
import { ErrorBody } from '../shared/model/api.js';
import { PackageChoiceBody, RenewalPath, RenewalView } from '../shared/model/lifecycle.js';
import { toRenewalView } from './edge/renewalView.js';
import { handled } from './edge/http.js';
import { inRequest, INVALID_BODY, NO_PARTNER } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'choosePackage',
  route: 'partners/{partnerId}/renewals/{anniversary}/package',
  method: 'POST',
  role: 'Partner.Admin',
  contract: {
    summary:
      'Choose the benefits package for an anniversary (designation, legacyGold, legacySilver, actionPack, none); it changes only at an anniversary',
    tag: 'lifecycle',
    params: RenewalPath,
    body: PackageChoiceBody,
    responses: {
      200: { description: 'the renewal with the choice', schema: RenewalView },
      400: INVALID_BODY,
      404: NO_PARTNER,
      409: {
        description:
          'refused: legacy and Action Pack after the 2025-01-21 cutoff, too late for that anniversary, already renewed, or the package needs what the partner lacks',
        schema: ErrorBody,
      },
    },
  },
  handler: handled(async (request) => {
    const { partnerId, anniversary } = parse(RenewalPath, request.params, 'path');
    const { package: choice } = parse(PackageChoiceBody, await readJsonBody(request), 'body');
    const { membership, legacyCompetencies } = await adapters().partners.membership.lifecycle(partnerId);
    const chosenOn = today();
    const refusal = checkPackageChoice(membership, legacyCompetencies, choice, anniversary, chosenOn, legacy);
    if (refusal) throw refuse(inRequest('path', refusal));
    const doc = await adapters().renewals.change(partnerId, anniversary, new Date().toISOString(), (current) => {
      const chosen = withPackageChoice(current, choice, chosenOn);
      if ('kind' in chosen) throw refuse(chosen);
      return chosen;
    });
    return json(200, toRenewalView(doc, membership.anniversary!));
  }),
});
