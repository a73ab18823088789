import { refuse } from '../shared/refusal.js';
import { json } from './edge/respond.js';
import { parse, readJsonBody } from './edge/request.js';
import { today } from '../shared/clock.js';
import { withPayment } from '../shared/lifecycle/renewalChanges.js';
import { ErrorBody } from '../shared/model/api.js';
import { PaymentBody, RenewalPath, RenewalView } from '../shared/model/lifecycle.js';
import { toRenewalView } from './edge/renewalView.js';
import { handled } from './edge/http.js';
import { INVALID_BODY } from './edge/refusals.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

registerHttp({
  name: 'payRenewal',
  route: 'partners/{partnerId}/renewals/{anniversary}/payment',
  method: 'POST',
  role: 'Partner.Admin',
  contract: {
    summary: "Record a payment of the anniversary's fee; the same reference twice is one payment",
    tag: 'lifecycle',
    params: RenewalPath,
    body: PaymentBody,
    responses: {
      200: { description: 'a payment with this reference was already recorded; nothing changed', schema: RenewalView },
      201: { description: 'payment recorded', schema: RenewalView },
      400: INVALID_BODY,
      404: { description: 'no such partner, or no renewal at that anniversary', schema: ErrorBody },
      409: {
        description:
          'nothing due (not renewed yet, no fee, already paid, lapsed for non-payment), more than outstanding, or a reference reused with another amount',
        schema: ErrorBody,
      },
    },
  },
  handler: handled(async (request) => {
    const { partnerId, anniversary } = parse(RenewalPath, request.params, 'path');
    const payment = parse(PaymentBody, await readJsonBody(request), 'body');
    const { membership } = await adapters().partners.membership.lifecycle(partnerId);
    const paidOn = today();
    let duplicate = false;
    // On the renewal document's ETag: two concurrent payments with one reference, one is taken and the other finds it.
    const doc = await adapters().renewals.changeExisting(partnerId, anniversary, new Date().toISOString(), (current) => {
      const taken = withPayment(current, { ...payment, paidOn });
      if ('kind' in taken) throw refuse(taken);
      duplicate = taken.duplicate;
      return taken.renewal;
    });
    return json(duplicate ? 200 : 201, toRenewalView(doc, membership.anniversary!));
  }),
});
