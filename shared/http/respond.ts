import { ApiError } from './errors.js';
import { isTransient } from '../store/transient.js';

/** What a handler answers; structurally the HttpResponseInit of @azure/functions. */
export interface HttpResponseInit {
  status: number;
  jsonBody?: unknown;
  headers?: Record<string, string>;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } };
}

export function withEtag(etag: string | undefined): Record<string, string> {
  return etag ? { ETag: etag } : {};
}

interface LoggerLike {
  error(...args: unknown[]): void;
  invocationId: string;
}

/** Turns a refusal into its response; a storage hiccup into 503 with Retry-After; anything else into a logged 500. */
export function errorResponse(error: unknown, context: LoggerLike): HttpResponseInit {
  if (error instanceof ApiError) return json(error.status, error.body, error.headers);
  if (isTransient(error)) {
    context.error('storage unavailable', error);
    return json(503, { error: 'unavailable', message: 'storage is busy; retry shortly' }, { 'Retry-After': '1' });
  }
  context.error('unhandled error', error);
  return json(500, { error: 'internal', message: `internal error; invocation ${context.invocationId}` });
}
