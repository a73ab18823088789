import { isTransient, storageRefusal } from '../../shared/store/transient.js';
import { answerTo, refusalOf, type EdgeRefusal } from './refusals.js';

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

/** A refusal as the API answers it (the table in refusals.ts). */
export function refusalResponse(refusal: EdgeRefusal): HttpResponseInit {
  const { status, body, headers } = answerTo(refusal);
  return json(status, body, headers);
}

interface LoggerLike {
  error(...args: unknown[]): void;
  invocationId: string;
}

/** Turns a refusal into its response (refusals.ts); a storage hiccup or a lost race into 503 with Retry-After; anything else into a logged 500. */
export function errorResponse(error: unknown, context: LoggerLike): HttpResponseInit {
  if (isTransient(error)) context.error('storage unavailable', error);
  const refusal = refusalOf(error) ?? storageRefusal(error);
  if (refusal) return refusalResponse(refusal);
  context.error('unhandled error', error);
  return json(500, { error: 'internal', message: `internal error; invocation ${context.invocationId}` });
}
