import { describe, expect, it } from 'vitest';
import { ruleSetFor } from '../../rules/index.js';
import { WhatIfRequest } from '../../shared/model/whatIf.js';
import { whatIf as whatIfOrRefusal, type WhatIfResult } from '../../shared/scoring/index.js';
import type { PartnerFacts } from '../../shared/model/partner.js';
import type { RuleSet } from '../../rules/schema.js';
import { AS_OF, acr, associated, facts, people } from './builders.js';

/** The what-if of an applicable request: a refusal here fails the test. */
function whatIf(facts: PartnerFacts, request: WhatIfRequest, ruleSet: RuleSet, asOf: string): WhatIfResult {
  const result = whatIfOrRefusal(facts, request, ruleSet, asOf);
  if ('kind' in result) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result;
}

describe('what-if', () => {
  const base = facts({
    customers: [
      associated('PAL', { '2024-05': acr('infrastructure', 1000), '2025-05': acr('infrastructure', 1000) }, { customerId: 'fabrikam' }),
    ],
    people: people(2, ['azure-administrator-associate']),
  });

  it('returns the score the hypothetical people and usage would give, without changing the facts', () => {
    const before = structuredClone(base);
    const request = WhatIfRequest.parse({
      people: [
        {
          personId: 'new-hire',
          linkedOn: '2025-01-01',
          certifications: [{ id: 'azure-network-engineer-associate', earnedOn: '2025-02-01' }],
        },
      ],
      usage: [{ customerId: 'fabrikam', month: '2025-05', usage: acr('infrastructure', 1000) }],
    });
    const result = whatIf(base, request, ruleSetFor(AS_OF), AS_OF);
    expect(result.current.areas.infrastructure.metrics.intermediateCertifications!.value).toBe(2);
    expect(result.hypothetical.areas.infrastructure.metrics.intermediateCertifications!.value).toBe(3);
    expect(result.hypothetical.areas.infrastructure.metrics.usageGrowth!.value).toBeCloseTo(100, 12);
    expect(result.changes.infrastructure.scoreAfter - result.changes.infrastructure.scoreBefore).toBeCloseTo(4 + 20, 12);
    expect(base).toEqual(before);
  });

  it('adds hypothetical customers and tells when an area would start to qualify', () => {
    const request = WhatIfRequest.parse({
      customers: [1, 2, 3, 4, 5].map((i) => ({
        customerId: `new-${i}`,
        idType: 'tenant',
        country: 'JP',
        production: true,
        associations: [{ type: 'CPOR', from: '2024-01-01' }],
        months: { '2024-05': { paidSeats: 10, activeUsers: 0 }, '2025-05': { paidSeats: 25, activeUsers: 250 } },
      })),
      people: [
        ...[1, 2, 3, 4].map((i) => ({
          personId: `t${i}`,
          linkedOn: '2024-01-01',
          certifications: [{ id: 'teams-administrator-associate', earnedOn: '2024-01-01' }],
        })),
        ...[1, 2].map((i) => ({
          personId: `x${i}`,
          linkedOn: '2024-01-01',
          certifications: [{ id: 'm365-enterprise-administrator-expert', earnedOn: '2024-01-01' }],
        })),
      ],
    });
    const result = whatIf(base, request, ruleSetFor(AS_OF), AS_OF);
    expect(result.changes.modernWork).toMatchObject({ scoreBefore: 0, scoreAfter: 90, qualifiesBefore: false, qualifiesAfter: true });
  });

  it('refuses usage for a customer it does not know', () => {
    const request = WhatIfRequest.parse({ usage: [{ customerId: 'nobody', month: '2025-05', usage: {} }] });
    expect(whatIfOrRefusal(base, request, ruleSetFor(AS_OF), AS_OF)).toEqual({
      kind: 'invalid',
      issues: [
        {
          path: 'usage[0].customerId',
          message: 'usage names customer nobody, which neither exists nor is among the hypothetical customers',
        },
      ],
    });
  });

  it('refuses adding Business Applications to a month in the other shape (it would count twice), naming the row', () => {
    const withTotals = facts({
      customers: [associated('CPOR', { '2025-05': { bizApps: { revenueUsd: 3000, mcv: 0 } } }, { customerId: 'b5' })],
    });
    const request = WhatIfRequest.parse({
      usage: [{ customerId: 'b5', month: '2025-05', usage: { bizApps: { workloads: [{ workload: 'Sales', revenueUsd: 500 }] } } }],
    });
    const refusal = whatIfOrRefusal(withTotals, request, ruleSetFor(AS_OF), AS_OF);
    expect('kind' in refusal && refusal.kind === 'invalid' && refusal.issues.map((i) => i.path)).toEqual(['usage[0].usage.bizApps']);
    const same = WhatIfRequest.parse({ usage: [{ customerId: 'b5', month: '2025-05', usage: { bizApps: { revenueUsd: 500 } } }] });
    expect(
      whatIf(
        withTotals,
        same,
        ruleSetFor(AS_OF),
        AS_OF,
      ).hypothetical.areas.businessApplications.metrics.netCustomerAdds!.contributors[0]!.months.at(-1)!.value,
    ).toBe(3500);
  });

  it('says which hypothetical customers and people stand in for stored ones, and refuses one id twice in a request', () => {
    const request = WhatIfRequest.parse({
      customers: [{ customerId: 'fabrikam', idType: 'tenant', country: 'JP', production: true, associations: [] }],
    });
    expect(whatIf(base, request, ruleSetFor(AS_OF), AS_OF).replaced).toEqual({ customers: ['fabrikam'], people: [] });
    const twice = WhatIfRequest.safeParse({ people: [1, 2].map(() => ({ personId: 'p', linkedOn: '2024-01-01' })) });
    expect(twice.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'people.1.personId: person p appears more than once',
    ]);
  });
});
