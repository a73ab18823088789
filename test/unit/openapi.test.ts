import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registrations } from '../../functions/index.js';
import { openApiDocument } from '../../functions/edge/openapiDocument.js';
import { MonthUsage, UsageUpload } from '../../shared/model/api.js';
import { MAX_COUNT, MAX_USD } from '../../shared/model/primitives.js';

// The document is untyped JSON; its operations are read loosely for assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const doc = openApiDocument(registrations) as { openapi: string; paths: Record<string, Record<string, any>> };

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with one operation per registered HTTP function', () => {
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    const http = registrations.filter((r) => r.kind === 'http' && r.method !== 'OPTIONS');
    expect(operations.sort()).toEqual(
      http.map((r) => `${r.kind === 'http' ? r.method : ''} /api/${r.kind === 'http' ? r.route : ''} ${r.name}`).sort(),
    );
  });

  it('documents what the edge answers on every route of a kind: 400 for a bad path or query, 413 and 415 for a body, 503 with Retry-After where storage is used', () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const where = `${method.toUpperCase()} ${path}`;
        const statuses = Object.keys(op.responses);
        if (op.requestBody) expect(statuses, where).toEqual(expect.arrayContaining(['413', '415']));
        if (op.parameters.some((p: { in: string }) => p.in === 'path' || p.in === 'query')) expect(statuses, where).toContain('400');
        if (op.operationId !== 'health' && op.operationId !== 'openapi') expect(statuses, where).toContain('503');
      }
    }
  });

  it('uses the very schemas the functions validate with', () => {
    const putMonth = doc.paths['/api/partners/{partnerId}/customers/{customerId}/months/{month}']!.put;
    const { $schema: _a, ...monthUsage } = z.toJSONSchema(MonthUsage, { io: 'input' }) as Record<string, unknown>;
    expect(putMonth.requestBody.content['application/json'].schema).toEqual(monthUsage);
    const usage = doc.paths['/api/partners/{partnerId}/usage']!.post;
    expect(usage.requestBody.content['application/json'].schema.properties.rows.maxItems).toBe(5000);
    const { $schema: _b, ...upload } = z.toJSONSchema(UsageUpload, { io: 'input' }) as Record<string, unknown>;
    expect(usage.requestBody.content['application/json'].schema).toEqual(upload);
  });

  it('documents the maxima that keep sums finite, the payment bounds, and 415 for bodies not sent as JSON', () => {
    const month = doc.paths['/api/partners/{partnerId}/customers/{customerId}/months/{month}']!.put;
    const schema = month.requestBody.content['application/json'].schema;
    expect(schema.properties.paidSeats.maximum).toBe(MAX_COUNT);
    expect(schema.properties.azureServices.items.properties.acrUsd.maximum).toBe(MAX_USD);
    expect(schema.properties.bizApps.properties.revenueUsd.maximum).toBe(MAX_USD);
    const payment =
      doc.paths['/api/partners/{partnerId}/renewals/{anniversary}/payment']!.post.requestBody.content['application/json'].schema;
    expect(payment.properties.amountUsd).toMatchObject({ minimum: 0.01, maximum: 1_000_000 });
    expect(month.responses['415']).toBeDefined();
  });

  it('shows per operation the role it needs (Entra bearer token) or the function key, and leaves health and the document itself open', () => {
    expect(doc.paths['/api/health']!.get.security).toEqual([]);
    expect(doc.paths['/api/openapi.json']!.get.security).toEqual([]);
    expect(doc.paths['/api/partners']!.post.security).toEqual([
      { entraId: ['Program.Operator'] },
      { functionKeyHeader: [] },
      { functionKeyQuery: [] },
    ]);
    expect(doc.paths['/api/partners/{partnerId}/scores']!.get.security[0]).toEqual({ entraId: ['Partner.Reader'] });
    expect(doc.paths['/api/partners/{partnerId}/people/{personId}']!.put['x-required-role']).toBe('Partner.Admin');
    expect(Object.keys(doc.paths['/api/partners/{partnerId}/audit']!.get.responses)).toEqual(expect.arrayContaining(['200', '401', '403']));
    const schemes = (doc as unknown as { components: { securitySchemes: Record<string, unknown> } }).components.securitySchemes;
    expect(schemes.entraId).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it('documents path and query parameters with their constraints', () => {
    const scores = doc.paths['/api/partners/{partnerId}/scores']!.get;
    expect(scores.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
      'path:partnerId',
      'query:asOf',
      'query:code',
    ]);
    // A date, and one of the years 2000–2099.
    expect(scores.parameters[1].schema.allOf.map((p: { pattern: string }) => p.pattern)).toEqual(['^\\d{4}-\\d{2}-\\d{2}$', '^20\\d{2}-']);
  });

  it('every query with a schema takes the function key as ?code=', () => {
    const queries = Object.values(doc.paths)
      .flatMap((path) => Object.values(path as Record<string, { parameters?: { in: string; name: string }[] }>))
      .filter((op) => op.parameters?.some((p) => p.in === 'query'));
    expect(queries.length).toBeGreaterThanOrEqual(3);
    for (const op of queries) expect(op.parameters!.map((p) => `${p.in}:${p.name}`)).toContain('query:code');
  });

  it('shows the new optional facts (customer segment, Business Applications workloads) and the score document’s paths, tracks and options', () => {
    const putCustomer = doc.paths['/api/partners/{partnerId}/customers/{customerId}']!.put;
    expect(putCustomer.requestBody.content['application/json'].schema.properties.segment).toMatchObject({ enum: ['smb', 'enterprise'] });
    const month =
      doc.paths['/api/partners/{partnerId}/customers/{customerId}/months/{month}']!.put.requestBody.content['application/json'].schema;
    expect(Object.keys(month.properties.bizApps.properties)).toEqual(['revenueUsd', 'mcv', 'workloads']);
    expect(Object.keys(month.properties.bizApps.properties.workloads.items.properties)).toEqual(['workload', 'revenueUsd', 'units']);
    const whatIf = JSON.stringify(doc.paths['/api/partners/{partnerId}/what-if']!.post.requestBody.content['application/json'].schema);
    expect(whatIf).toContain('"segment"');
    expect(whatIf).toContain('"workloads"');
    const area = JSON.stringify(doc.paths['/api/partners/{partnerId}/scores']!.get.responses['200'].content['application/json'].schema);
    for (const field of ['"paths"', '"path"', '"track"', '"trackReason"', '"option"', '"options"', '"workload"'])
      expect(area).toContain(field);
    const rules = JSON.stringify(doc.paths['/api/rules']!.get.responses['200'].content['application/json'].schema);
    for (const field of ['"effectiveFrom"', '"effectiveFromAssumed"', '"sources"', '"section"', '"workloads"'])
      expect(rules).toContain(field);
  });
});
