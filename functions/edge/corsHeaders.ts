/** What a browser on another origin may send and read; the portal needs the token, If-Match and ETag. */
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, If-Match, x-functions-key';
const EXPOSED_HEADERS = 'ETag, Location, Retry-After, WWW-Authenticate';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/** CORS headers for an actual response: only for an origin in the list, echoed (no wildcard, no credentials: tokens travel in a header). */
export function corsHeaders(origin: string | null, allowedOrigins: readonly string[]): Record<string, string> {
  if (origin === null || !allowedOrigins.includes(origin)) return { Vary: 'Origin' };
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': EXPOSED_HEADERS, Vary: 'Origin' };
}

/**
 * The answer to a preflight: 204 with the methods and headers allowed for a listed origin; for
 * any other origin 204 without them, so the browser refuses to send the real request.
 */
export function preflightHeaders(origin: string | null, allowedOrigins: readonly string[]): Record<string, string> {
  if (origin === null || !allowedOrigins.includes(origin)) return { Vary: 'Origin' };
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_SECONDS,
    Vary: 'Origin',
  };
}
