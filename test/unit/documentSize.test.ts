import { describe, expect, it } from 'vitest';
import { addMonths } from '../../shared/dates.js';
import { MonthUsage } from '../../shared/model/facts.js';
import { ScoreDocumentSchema } from '../../shared/model/scoreDocument.js';
import { BUCKET_CAPACITY, bucketDocId, MAX_DOCUMENT_BYTES, type CustomerBucketDoc, type PartnerDoc } from '../../shared/store/documents.js';
import { scorePartner, toScoreDocument, toScoreSummary } from '../../shared/scoring/index.js';
import { ruleSetFor } from '../../rules/index.js';
import { syntheticPartner } from '../bench/population.js';

const COSMOS_ITEM_LIMIT = 2 * 1024 * 1024;

describe('documents stay well under the Cosmos DB item limit', () => {
  const month = (i: number) =>
    MonthUsage.parse({
      paidSeats: 12345,
      activeUsers: 9999,
      protectedUsers: 8888,
      // A customer active in several areas: 4 services a month.
      azureServices: Array.from({ length: 4 }, (_, s) => ({
        name: `Azure Service Number ${s}`,
        area: 'infrastructure',
        acrUsd: 12345.67 + i,
      })),
      bizApps: { revenueUsd: 98765.43, mcv: 1234567.89 },
    });

  const fullBucket = (): CustomerBucketDoc['customers'] => {
    const customers: CustomerBucketDoc['customers'] = {};
    for (let c = 0; c < BUCKET_CAPACITY; c++) {
      const months: Record<string, MonthUsage> = {};
      for (let i = 0; i < 36; i++) months[addMonths('2023-01', i)] = month(i);
      customers[`3f2c9a1e-5b7d-4e2a-9c1f-${String(c).padStart(12, '0')}`] = {
        profile: { idType: 'tenant', country: 'JP', production: true, associations: [{ type: 'PAL', from: '2020-01-01' }] },
        months,
        version: 12,
      };
    }
    return customers;
  };

  it('a full customer bucket (40 customers × 36 months of typical usage) stays under 40% of 2 MB', () => {
    const customers = fullBucket();
    const doc: CustomerBucketDoc = {
      id: bucketDocId(0),
      partnerId: 'partner-with-a-long-identifier',
      type: 'customers',
      bucket: 0,
      customers,
    };
    expect(Buffer.byteLength(JSON.stringify(doc))).toBeLessThan(COSMOS_ITEM_LIMIT * 0.4);
    expect(Buffer.byteLength(JSON.stringify(doc))).toBeLessThan(MAX_DOCUMENT_BYTES);
  });

  it('the partner document of a partner with 5,000 customers (bucket 0 full) and 300 people is about 1 MB: under 60% of 2 MB', () => {
    const customerBuckets = Object.fromEntries(
      Array.from({ length: 5000 }, (_, c) => [`3f2c9a1e-5b7d-4e2a-9c1f-${String(c).padStart(12, '0')}`, Math.floor(c / BUCKET_CAPACITY)]),
    );
    const people = Object.fromEntries(
      Array.from({ length: 300 }, (_, p) => [
        `person-${p}@example.com`,
        {
          version: 3,
          profile: {
            linkedOn: '2020-01-01',
            certifications: Array.from({ length: 6 }, (_, c) => ({
              id: 'azure-solutions-architect-expert',
              earnedOn: '2021-01-01',
              expiresOn: `2026-0${1 + (c % 9)}-01`,
            })),
          },
        },
      ]),
    );
    const doc: PartnerDoc = {
      id: 'partner',
      partnerId: 'partner-with-a-long-identifier',
      type: 'partner',
      profile: { partnerId: 'partner-with-a-long-identifier', name: 'A partner', country: 'JP', locations: [] },
      profileVersion: 4,
      people,
      customerBuckets,
      bucketCount: 125,
      customers: fullBucket(),
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    };
    expect(Buffer.byteLength(JSON.stringify(doc))).toBeLessThan(COSMOS_ITEM_LIMIT * 0.6);
  });

  it('the stored result of a partner with 5,000 customers is one small document, though its full explanation is not', () => {
    const facts = syntheticPartner(7, { customers: 5000, months: 36, people: 300, lastMonth: '2025-05' });
    const document = toScoreDocument(scorePartner(facts, ruleSetFor('2025-06-15'), '2025-06-15'));
    expect(ScoreDocumentSchema.parse(document)).toEqual(document);
    // Every growing customer is explained, so the full document is served live and never stored…
    expect(Buffer.byteLength(JSON.stringify(document))).toBeGreaterThan(COSMOS_ITEM_LIMIT);
    // …while the summary that is stored keeps every score, point and count, at a size independent of customers.
    const summary = toScoreSummary(document);
    expect(Buffer.byteLength(JSON.stringify(summary))).toBeLessThan(COSMOS_ITEM_LIMIT / 100);
    expect(summary.areas.businessApplications.metrics.usageGrowth!.contributorCount).toBe(
      document.areas.businessApplications.metrics.usageGrowth!.contributors.length,
    );
  });
});
