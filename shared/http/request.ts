import { ForbiddenKeyError, parseJson } from '../json.js';
import type { z } from 'zod';
import { fieldIssues } from '../model/issues.js';
import { badRequest, payloadTooLarge, unsupportedMediaType } from './errors.js';

/** application/json, or a JSON-based type such as application/merge-patch+json, with any parameters (charset). */
const isJsonMediaType = (contentType: string | null) => contentType !== null && /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(contentType.trim());

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
  throw badRequest(fieldIssues(result.error).map((i) => ({ path: i.path === '(root)' ? where : `${where}.${i.path}`, message: i.message })));
}

export async function readJsonBody(request: RequestLike, limitBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limitBytes) throw payloadTooLarge(limitBytes);
  const text = await request.text();
  if (Buffer.byteLength(text) > limitBytes) throw payloadTooLarge(limitBytes);
  if (text.trim() === '') throw badRequest([{ path: 'body', message: 'a JSON body is required' }]);
  const contentType = request.headers.get('content-type');
  if (!isJsonMediaType(contentType)) throw unsupportedMediaType(contentType);
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
