import { ErrorBody } from '../../shared/model/api.js';
import type { FieldIssue } from '../../shared/model/issues.js';
import { invalid, refuse, RefusedError, type Refusal } from '../../shared/refusal.js';

/** Refusals only HTTP knows: about the request itself, not about what it asks for. */
export type RequestRefusal = { kind: 'bodyTooLarge'; limitBytes: number } | { kind: 'unsupportedMediaType'; given: string | null };

export class RequestRefusedError extends Error {
  override name = 'RequestRefusedError';
  constructor(readonly refusal: RequestRefusal) {
    super(refusal.kind);
  }
}

export type EdgeRefusal = Refusal | RequestRefusal;

export interface RefusalAnswer {
  status: number;
  body: { error: string; message: string; issues?: FieldIssue[] };
  headers: Record<string, string>;
}

/** One answer per kind: a kind without one fails the type check. */
export type RefusalAnswers = { [K in EdgeRefusal['kind']]: (refusal: Extract<EdgeRefusal, { kind: K }>) => RefusalAnswer };

const answer = (status: number, error: string, message: string, headers: Record<string, string> = {}): RefusalAnswer => ({
  status,
  body: { error, message },
  headers,
});

/** Every refusal as the API answers it: the one place a refusal becomes an HTTP status. */
export const REFUSAL_ANSWERS: RefusalAnswers = {
  invalid: ({ issues }) => ({
    status: 400,
    body: { error: 'invalid_request', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues },
    headers: {},
  }),
  forbidden: ({ message }) => answer(403, 'forbidden', message),
  notFound: ({ message }) => answer(404, 'not_found', message),
  refused: ({ message }) => answer(409, 'conflict', message),
  stale: ({ what }) => answer(412, 'precondition_failed', `${what} has changed since the ETag given in If-Match; read it again and retry`),
  tooLarge: ({ message }) => answer(413, 'too_large', message),
  bodyTooLarge: ({ limitBytes }) => answer(413, 'payload_too_large', `request bodies are limited to ${limitBytes} bytes`),
  unsupportedMediaType: ({ given }) =>
    answer(
      415,
      'unsupported_media_type',
      `send the body as JSON with Content-Type: application/json${given ? ` (not ${given})` : ' (no Content-Type was given)'}`,
    ),
  contention: ({ message, retryAfterSeconds }) => answer(503, 'unavailable', message, { 'Retry-After': String(retryAfterSeconds) }),
};

export function answerTo(refusal: EdgeRefusal): RefusalAnswer {
  return (REFUSAL_ANSWERS[refusal.kind] as (r: EdgeRefusal) => RefusalAnswer)(refusal);
}

/** The refusal an error carries, if it is one. */
export const refusalOf = (error: unknown): EdgeRefusal | undefined =>
  error instanceof RefusedError || error instanceof RequestRefusedError ? error.refusal : undefined;

export type RequestPart = 'body' | 'path' | 'query';

/** Field issues named where they are in the request: `where` itself for the whole value (`''` or zod's `(root)`), else `where.path`. */
export function issuesIn(where: string, issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((i) => ({ path: i.path === '' || i.path === '(root)' ? where : `${where}.${i.path}`, message: i.message }));
}

/** A refusal's field issues named where they are in the request: the core and the store name the fields of what they were given. */
export function inRequest(where: RequestPart, refusal: Refusal): Refusal {
  return refusal.kind === 'invalid' ? invalid(issuesIn(where, refusal.issues)) : refusal;
}

/** Runs a store call whose field issues are about one part of the request. */
export async function fieldsOf<T>(where: RequestPart, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw error instanceof RefusedError ? refuse(inRequest(where, error.refusal)) : error;
  }
}

/** A 400 the edge finds itself, naming request paths (`body.attainedOn`, `input`). */
export const badRequest = (issues: FieldIssue[]): RefusedError => refuse(invalid(issues));

/** The refusals most functions share, for their OpenAPI contracts. */
export const INVALID_BODY = { description: 'invalid body; nothing was written', schema: ErrorBody };
export const NO_PARTNER = { description: 'no such partner', schema: ErrorBody };
export const STALE_IF_MATCH = { description: 'stale If-Match', schema: ErrorBody };
