import { z } from 'zod';
import type { HttpContract, HttpRegistration, Registration } from './registry.js';
import { ErrorBody } from '../../shared/model/api.js';
import { routeSecurity, SECURITY_SCHEMES, securityResponses } from './openapiSecurity.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** Path or query parameters from an object schema, one OpenAPI parameter per property. */
function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function operation(r: HttpRegistration): JsonSchema {
  const { contract } = r;
  const headers = contract.etag
    ? [
        {
          name: 'If-Match',
          in: 'header',
          required: false,
          schema: { type: 'string' },
          description: 'ETag from a previous read; a stale one gets 412',
        },
      ]
    : [];
  return {
    operationId: r.name,
    summary: contract.summary,
    tags: [contract.tag],
    parameters: [...parameters(contract.params, 'path'), ...parameters(contract.query, 'query'), ...(r.method === 'GET' ? [] : headers)],
    ...(contract.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(contract.body, 'input') } } } }
      : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries<HttpContract['responses'][number]>({
          // What the edge answers for every route of its kind, unless the route says more.
          ...(contract.params || contract.query ? { 400: { description: 'an invalid path or query parameter', schema: ErrorBody } } : {}),
          ...(contract.body ? { 413: { description: 'the body is over the size limit; nothing was written', schema: ErrorBody } } : {}),
          ...(r.name === 'health' || r.name === 'openapi'
            ? {}
            : {
                503: {
                  description: 'storage is busy or unreachable: retry after the Retry-After header; nothing was written',
                  schema: ErrorBody,
                },
              }),
          ...contract.responses,
          ...(contract.body
            ? { 415: { description: 'the body is not sent as application/json; nothing was written', schema: ErrorBody } }
            : {}),
        }).map(([status, response]) => [
          status,
          {
            description: response.description,
            ...(response.schema ? { content: { 'application/json': { schema: toSchema(response.schema, 'output') } } } : {}),
          },
        ]),
      ),
      ...securityResponses(r.role),
    },
    ...routeSecurity(r),
  };
}

/** The OpenAPI 3.1 document of every HTTP function, from the same zod schemas that validate requests. */
export function openApiDocument(registrations: readonly Registration[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const r of registrations) {
    // The CORS preflight is the transport's, not an operation of the API.
    if (r.kind !== 'http' || r.method === 'OPTIONS') continue;
    const path = `/api/${r.route}`;
    (paths[path] ??= {})[r.method.toLowerCase()] = operation(r);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Partner capability service',
      version: '0.1.0',
      description: 'Partner capability scores, Solutions Partner designations and renewals (AI Cloud Partner Program).',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}
