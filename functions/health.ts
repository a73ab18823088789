import { z } from 'zod';
import { json } from './edge/respond.js';
import { handled } from './edge/http.js';
import { registerHttp } from './edge/registry.js';

registerHttp({
  name: 'health',
  route: 'health',
  method: 'GET',
  role: 'anonymous',
  contract: {
    summary: 'Liveness',
    tag: 'operations',
    responses: { 200: { description: 'the app is up', schema: z.object({ status: z.literal('ok') }) } },
  },
  handler: handled(async () => json(200, { status: 'ok' })),
});
