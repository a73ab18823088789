import { corsOrigins } from '../../shared/auth/settings.js';
import { corsHeaders, preflightHeaders } from './corsHeaders.js';
import { settings } from '../../shared/settings.js';
import type { HttpRequestT, HttpResponseInit, InvocationContextT } from './runtime.js';

type Handler = (request: HttpRequestT, context: InvocationContextT) => Promise<HttpResponseInit>;

/** Adds CORS headers for the portal's origins (CORS_ALLOWED_ORIGINS) to whatever a route answers, refusals included. */
export function withCors(handler: Handler): Handler {
  return async (request, context) => {
    const response = await handler(request, context);
    const cors = corsHeaders(request.headers.get('origin'), corsOrigins(settings()));
    return { ...response, headers: { ...((response.headers ?? {}) as Record<string, string>), ...cors } };
  };
}

/** The preflight answer for any API path (registered as `OPTIONS {*path}` in corsPreflight.ts). */
export async function preflight(request: HttpRequestT): Promise<HttpResponseInit> {
  return { status: 204, headers: preflightHeaders(request.headers.get('origin'), corsOrigins(settings())) };
}
