import { preflight } from './edge/cors.js';
import { registerHttp } from './edge/registry.js';

// CORS is the app's, not the platform's (leave the function app's CORS list empty): one
// implementation, the same on the local host and in Azure, and tested through HTTP.
registerHttp({
  name: 'corsPreflight',
  route: '{*path}',
  method: 'OPTIONS',
  role: 'anonymous',
  contract: {
    summary: 'CORS preflight for the portal’s origins',
    tag: 'operations',
    responses: { 204: { description: 'the methods and headers a listed origin may use' } },
  },
  handler: preflight,
});
