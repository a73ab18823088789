import { z } from 'zod';
import { json } from './edge/respond.js';
import { parse, readJsonBody } from './edge/request.js';
import { ErrorBody, MAX_USAGE_ROWS, PartnerPath, UsageUpload } from '../shared/model/api.js';
import { handled } from './edge/http.js';
import { fieldsOf, NO_PARTNER } from './edge/refusals.js';
import { recomputeAfterWrite } from './edge/recomputeOnWrite.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

const UsageStored = z.object({ customers: z.number().int(), months: z.number().int() });

registerHttp({
  name: 'postUsage',
  route: 'partners/{partnerId}/usage',
  method: 'POST',
  role: 'Partner.Admin',
  contract: {
    summary: `Store up to ${MAX_USAGE_ROWS} customer-months in one call, all or none`,
    tag: 'data',
    params: PartnerPath,
    body: UsageUpload,
    responses: {
      200: { description: 'all rows stored', schema: UsageStored },
      400: { description: 'a row is invalid or names an unknown customer; nothing was stored', schema: ErrorBody },
      404: NO_PARTNER,
      413: { description: 'body too large', schema: ErrorBody },
    },
  },
  handler: handled(async (request, context) => {
    const { partnerId } = parse(PartnerPath, request.params, 'path');
    const { rows } = parse(UsageUpload, await readJsonBody(request), 'body');
    const stored = await fieldsOf('body', adapters().partners.uploads.upload(partnerId, rows));
    await recomputeAfterWrite(partnerId, context);
    return json(200, stored);
  }),
});
