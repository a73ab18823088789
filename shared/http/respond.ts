import { ApiError, unavailable } from './errors.js';
import { isTransient, statusOf } from '../store/transient.js';

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

/** A storage refusal that only means someone else wrote first (a lost race), never the caller's fault nor a failure. */
const lostRace = (error: unknown) => !(error instanceof ApiError) && [409, 412].includes(statusOf(error) ?? 0);

/** Turns a refusal into its response; a storage hiccup or a lost race into 503 with Retry-After; anything else into a logged 500. */
export function errorResponse(error: unknown, context: LoggerLike): HttpResponseInit {
  if (isTransient(error)) context.error('storage unavailable', error);
  const refusal =
    error instanceof ApiError
      ? error
      : isTransient(error)
        ? unavailable('storage is busy; retry shortly')
        : lostRace(error)
          ? unavailable('the data changed while this request ran; retry shortly')
          : statusOf(error) === 413
            ? new ApiError(413, { error: 'too_large', message: 'the change would exceed the storage limit of one document; nothing was written' })
            : undefined;
  if (refusal) return json(refusal.status, refusal.body, refusal.headers);
  context.error('unhandled error', error);
  return json(500, { error: 'internal', message: `internal error; invocation ${context.invocationId}` });
}
