import type { FieldIssue } from '../model/issues.js';

/** A refusal at the edge: status plus a body a portal can show. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly body: { error: string; message: string; issues?: FieldIssue[] },
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

export const badRequest = (issues: FieldIssue[]) =>
  new ApiError(400, { error: 'invalid_request', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues });

export const notFound = (message: string) => new ApiError(404, { error: 'not_found', message });

export const conflict = (message: string) => new ApiError(409, { error: 'conflict', message });

export const preconditionFailed = (what: string) =>
  new ApiError(412, { error: 'precondition_failed', message: `${what} has changed since the ETag given in If-Match; read it again and retry` });

export const payloadTooLarge = (limit: number) =>
  new ApiError(413, { error: 'payload_too_large', message: `request bodies are limited to ${limit} bytes` });

export const unsupportedMediaType = (given: string | null) =>
  new ApiError(415, { error: 'unsupported_media_type', message: `send the body as JSON with Content-Type: application/json${given ? ` (not ${given})` : ' (no Content-Type was given)'}` });

export const unavailable = (message: string, retryAfterSeconds = 1) =>
  new ApiError(503, { error: 'unavailable', message }, { 'Retry-After': String(retryAfterSeconds) });

/** A refusal of the lifecycle core, as the API answers it: a 400 names the field, a 409 explains. */
export const refused = (refusal: { status: 400 | 409; message: string }, path: string) =>
  refusal.status === 400 ? badRequest([{ path, message: refusal.message }]) : conflict(refusal.message);
