import { describe, expect, it } from 'vitest';
import { addMonths } from '../../shared/dates.js';
import { MonthUsage } from '../../shared/model/facts.js';
import { ScoreDocumentSchema } from '../../shared/model/scoreDocument.js';
import { customerDocId, type CustomerDoc } from '../../shared/store/documents.js';
import { scorePartner, toScoreDocument, toScoreSummary } from '../../shared/scoring/index.js';
import { ruleSetFor } from '../../rules/index.js';
import { syntheticPartner } from '../bench/population.js';

const COSMOS_ITEM_LIMIT = 2 * 1024 * 1024;

describe('documents stay well under the Cosmos DB item limit', () => {
  it('a customer with 36 full months (12 Azure services a month) is under 5% of 2 MB', () => {
    const months: Record<string, MonthUsage> = {};
    for (let i = 0; i < 36; i++) {
      months[addMonths('2023-01', i)] = MonthUsage.parse({
        paidSeats: 123456,
        activeUsers: 99999,
        protectedUsers: 88888,
        azureServices: Array.from({ length: 12 }, (_, s) => ({ name: `Azure Service Number ${s}`, area: 'infrastructure', acrUsd: 123456.78 })),
        bizApps: { revenueUsd: 98765.43, mcv: 1234567.89 },
      });
    }
    const doc: CustomerDoc = {
      id: customerDocId('customer-with-a-long-identifier-0001'),
      partnerId: 'partner-with-a-long-identifier',
      type: 'customer',
      customerId: 'customer-with-a-long-identifier-0001',
      profile: { idType: 'tenant', country: 'JP', production: true, associations: [{ type: 'PAL', from: '2020-01-01' }, { type: 'CPOR', from: '2020-01-01', to: '2024-12-31' }] },
      months,
    };
    // One document per customer: a partner with 5,000 customers has 5,000 of these, none growing with the others.
    expect(Buffer.byteLength(JSON.stringify(doc))).toBeLessThan(COSMOS_ITEM_LIMIT / 20);
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
    expect(summary.areas.businessApplications.metrics.usageGrowth!.contributorCount).toBe(document.areas.businessApplications.metrics.usageGrowth!.contributors.length);
  });
});
