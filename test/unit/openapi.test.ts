import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registrations } from '../../functions/index.js';
import { openApiDocument } from '../../functions/openapiDocument.js';
import { MonthUsage, UsageUpload } from '../../shared/model/api.js';

const doc = openApiDocument(registrations) as { openapi: string; paths: Record<string, Record<string, any>> };

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with one operation per registered HTTP function', () => {
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`));
    const http = registrations.filter((r) => r.kind === 'http' && r.method !== 'OPTIONS');
    expect(operations.sort()).toEqual(http.map((r) => `${r.kind === 'http' ? r.method : ''} /api/${r.kind === 'http' ? r.route : ''} ${r.name}`).sort());
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

  it('shows per operation the role it needs (Entra bearer token) or the function key, and leaves health and the document itself open', () => {
    expect(doc.paths['/api/health']!.get.security).toEqual([]);
    expect(doc.paths['/api/openapi.json']!.get.security).toEqual([]);
    expect(doc.paths['/api/partners']!.post.security).toEqual([{ entraId: ['Program.Operator'] }, { functionKeyHeader: [] }, { functionKeyQuery: [] }]);
    expect(doc.paths['/api/partners/{partnerId}/scores']!.get.security[0]).toEqual({ entraId: ['Partner.Reader'] });
    expect(doc.paths['/api/partners/{partnerId}/people/{personId}']!.put['x-required-role']).toBe('Partner.Admin');
    expect(Object.keys(doc.paths['/api/partners/{partnerId}/audit']!.get.responses)).toEqual(expect.arrayContaining(['200', '401', '403']));
    const schemes = (doc as unknown as { components: { securitySchemes: Record<string, unknown> } }).components.securitySchemes;
    expect(schemes.entraId).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it('documents path and query parameters with their constraints', () => {
    const scores = doc.paths['/api/partners/{partnerId}/scores']!.get;
    expect(scores.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(['path:partnerId', 'query:asOf']);
    expect(scores.parameters[1].schema.pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
  });

  it('shows the new optional facts (customer segment, Business Applications workloads) and the score document’s paths, tracks and options', () => {
    const putCustomer = doc.paths['/api/partners/{partnerId}/customers/{customerId}']!.put;
    expect(putCustomer.requestBody.content['application/json'].schema.properties.segment).toMatchObject({ enum: ['smb', 'enterprise'] });
    const month = doc.paths['/api/partners/{partnerId}/customers/{customerId}/months/{month}']!.put.requestBody.content['application/json'].schema;
    expect(Object.keys(month.properties.bizApps.properties)).toEqual(['revenueUsd', 'mcv', 'workloads']);
    expect(Object.keys(month.properties.bizApps.properties.workloads.items.properties)).toEqual(['workload', 'revenueUsd', 'units']);
    const whatIf = JSON.stringify(doc.paths['/api/partners/{partnerId}/what-if']!.post.requestBody.content['application/json'].schema);
    expect(whatIf).toContain('"segment"');
    expect(whatIf).toContain('"workloads"');
    const area = JSON.stringify(doc.paths['/api/partners/{partnerId}/scores']!.get.responses['200'].content['application/json'].schema);
    for (const field of ['"paths"', '"path"', '"track"', '"trackReason"', '"option"', '"options"', '"workload"']) expect(area).toContain(field);
    const rules = JSON.stringify(doc.paths['/api/rules']!.get.responses['200'].content['application/json'].schema);
    for (const field of ['"effectiveFrom"', '"effectiveFromAssumed"', '"sources"', '"section"', '"workloads"']) expect(rules).toContain(field);
  });
});
