import { describe, expect, it } from 'vitest';
import { ruleSetFor } from '../../rules/index.js';
import { qualification } from '../../shared/scoring/area.js';
import type { MetricResult } from '../../shared/scoring/index.js';
import { toScoreDocument } from '../../shared/scoring/index.js';
import { acr, associated, metric, monthsFrom, people, score } from './builders.js';

const securityCombination = [
  'm365-security-administrator-associate',
  'azure-security-engineer-associate',
  'security-operations-analyst-associate',
];
// From 2023-12 (learn-2023/security.md): 2 + 2 prerequisite holders, then people with a step-3 certification.
const securitySteps = [
  'azure-security-engineer-associate',
  'security-operations-analyst-associate',
  'identity-and-access-administrator-associate',
];

describe('SPEC §8 worked examples', () => {
  it('1. Security, 3 qualifying people: intermediate = 40 × 3/6 = 20.00 points (seed model, 2022-10)', () => {
    const result = metric({ people: people(3, securityCombination) }, 'security', 'intermediateCertifications', '2023-06-15');
    expect(result.value).toBe(3);
    expect(result.points).toBe(20);
    expect(
      toScoreDocument(score({ people: people(3, securityCombination) }, '2023-06-15')).areas.security.metrics.intermediateCertifications!
        .points,
    ).toBe(20);
  });

  it('1. Security, 3 qualifying people: intermediate = 40 × 3/6 = 20.00 points (steps, 2023-12 and 2024-07)', () => {
    for (const asOf of ['2024-01-15', '2025-06-15']) {
      const result = metric({ people: people(3, securitySteps) }, 'security', 'intermediateCertifications', asOf);
      expect(result.value).toBe(3);
      expect(
        toScoreDocument(score({ people: people(3, securitySteps) }, asOf)).areas.security.metrics.intermediateCertifications!.points,
      ).toBe(20);
    }
  });

  it('2. Azure net customer adds: 5 qualifying customers in M, 3 in Y → value 2 → 20 of 30 points', () => {
    const inBoth = [1, 2, 3].map(() =>
      associated('PAL', { '2024-05': acr('infrastructure', 1000), '2025-05': acr('infrastructure', 1500) }),
    );
    const newlyQualifying = [1, 2].map(() =>
      associated('PAL', { '2024-05': acr('infrastructure', 999), '2025-05': acr('infrastructure', 1000) }),
    );
    const result = metric({ customers: [...inBoth, ...newlyQualifying] }, 'infrastructure', 'netCustomerAdds');
    expect(result.value).toBe(2);
    expect(result.points).toBe(20);
    expect(result.maxPoints).toBe(30);
  });

  it('3. Infrastructure usage growth from 10,000 to 11,500 USD ACR → 15% → 15 points', () => {
    const customers = [
      associated('PAL', { '2024-05': acr('infrastructure', 6000), '2025-05': acr('infrastructure', 6500) }),
      associated('CSP', { '2024-05': acr('infrastructure', 4000), '2025-05': acr('infrastructure', 5000) }),
    ];
    const result = metric({ customers }, 'infrastructure', 'usageGrowth');
    expect(result.value).toBeCloseTo(15, 12);
    expect(result.points).toBeCloseTo(15, 12);
  });

  describe('4. qualification needs 70 points and at least 1 point in every metric', () => {
    const rule = ruleSetFor('2025-06-15').qualification;
    const withPoints = (...points: number[]) =>
      points.map((p, i) => ({ metric: `m${i}`, points: p, gate: null }) as unknown as MetricResult);

    it('a partner with 69.99 points does not qualify', () => {
      const result = qualification(withPoints(30, 19.99, 10, 10), rule);
      expect(result.score).toBeCloseTo(69.99, 10);
      expect(result.qualifies).toBe(false);
      expect(result.shortfall).toEqual(['score 69.99 is below 70']);
    });

    it('75 points with one metric at 0.5 does not qualify', () => {
      const result = qualification(withPoints(30, 24.5, 20, 0.5), rule);
      expect(result.score).toBe(75);
      expect(result.qualifies).toBe(false);
      expect(result.shortfall).toEqual(['m3 has 0.50 points; every metric needs at least 1']);
    });

    it('six people at 40/6 points each make 40 and qualify at exactly 70 despite floating-point error', () => {
      const sixths = Array.from({ length: 6 }, () => 40 / 6);
      const result = qualification(withPoints(...sixths, 10, 10, 10), rule);
      expect(result.qualifies).toBe(true);
    });

    it('the same holds on real data: 73.83 points with security usage growth at 0.5 points does not qualify', () => {
      const customers = [
        // 10 tenants from 0 to 30 seats in 2024-07, staying there: 10 net adds, 20 points.
        ...Array.from({ length: 10 }, () => associated('CPOR', monthsFrom('2024-07', '2025-05', { paidSeats: 30 }))),
        // 62 more protected users: 62 / 2,500 of the target, 0.496 points; 0% → 62% protected is also a deployment.
        associated('CPOR', { '2024-05': { paidSeats: 100, protectedUsers: 0 }, '2025-05': { paidSeats: 100, protectedUsers: 62 } }),
        // 3 Azure customers with 12,000 USD security ACR in T: 3 more deployments (4 × 20/6 points in all); also 3 net adds (capped).
        ...Array.from({ length: 3 }, () => associated('PAL', { '2024-08': acr('security', 12000) })),
      ];
      const result = score({ customers, people: people(6, securitySteps) }).areas.security;
      expect(result.metrics.usageGrowth!.points).toBeCloseTo((20 * 62) / 2500, 10);
      expect(result.score).toBeCloseTo(20 + 40 + (20 * 4) / 6 + 0.496, 10);
      expect(result.qualifies).toBe(false);
      expect(result.shortfall[0]).toMatch(/^usageGrowth has 0\.50 points/);
    });
  });
});
