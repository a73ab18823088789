import { ForbiddenKeyError, parseJson } from '../../shared/json.js';
import type { z } from 'zod';
import { fieldIssues } from '../../shared/model/issues.js';
import { settings } from '../../shared/settings.js';
import { badRequest, issuesIn, RequestRefusedError } from './refusals.js';

/** application/json, or a JSON-based type such as application/merge-patch+json, with any parameters (charset). */
const isJsonMediaType = (contentType: string | null) =>
  contentType !== null && /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(contentType.trim());

/** The parts of an HTTP request the edge reads; satisfied by @azure/functions' HttpRequest. */
export interface RequestLike {
  params: Record<string, string>;
  query: URLSearchParams;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** Parses a value with a schema, or throws a 400 whose issues are prefixed with where they were. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'path'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw badRequest(issuesIn(where, fieldIssues(result.error)));
}

/** The body as JSON, within the service's request limit (MAX_REQUEST_BYTES). */
export async function readJsonBody(request: RequestLike, limitBytes = settings().MAX_REQUEST_BYTES): Promise<unknown> {
  const tooLarge = () => new RequestRefusedError({ kind: 'bodyTooLarge', limitBytes });
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limitBytes) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > limitBytes) throw tooLarge();
  // The media type first: a body that is not declared JSON is a 415 whether or not it is empty.
  const contentType = request.headers.get('content-type');
  if (!isJsonMediaType(contentType)) throw new RequestRefusedError({ kind: 'unsupportedMediaType', given: contentType });
  if (text.trim() === '') throw badRequest([{ path: 'body', message: 'a JSON body is required' }]);
  try {
    return parseJson(text);
  } catch (error) {
    if (error instanceof ForbiddenKeyError) throw badRequest([{ path: 'body', message: error.message }]);
    throw badRequest([{ path: 'body', message: `not valid JSON: ${(error as Error).message}` }]);
  }
}

export function queryObject(request: RequestLike): Record<string, string> {
  return Object.fromEntries(request.query.entries());
}

/** If-Match as sent (`*` or a quoted ETag), or undefined. */
export function ifMatch(request: RequestLike): string | undefined {
  const value = request.headers.get('if-match');
  return value === null || value.trim() === '' ? undefined : value.trim();
}
