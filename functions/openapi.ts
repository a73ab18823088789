import { z } from 'zod';
import { json } from './edge/respond.js';
import { handled } from './edge/http.js';
import { openApiDocument } from './edge/openapiDocument.js';
import { registerHttp, registrations } from './edge/registry.js';

let document: Record<string, unknown> | undefined;

registerHttp({
  name: 'openapi',
  route: 'openapi.json',
  method: 'GET',
  role: 'anonymous',
  contract: {
    summary: 'This OpenAPI document',
    tag: 'operations',
    responses: { 200: { description: 'OpenAPI 3.1', schema: z.record(z.string(), z.unknown()) } },
  },
  // Built on first request, when every function has registered.
  handler: handled(async () => json(200, (document ??= openApiDocument(registrations)))),
});
