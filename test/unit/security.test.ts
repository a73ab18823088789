import { describe, expect, it } from 'vitest';
import { acr, associated, byMonth, customer, metric, monthsFrom, people, person } from './builders.js';

const M365_ADMIN = 'm365-security-administrator-associate';
const AZURE_ENGINEER = 'azure-security-engineer-associate';

describe('Security net customer adds', () => {
  it('M365: a tenant going from 0 to at least 25 paid seats in a month of T adds 1 (2 points)', () => {
    const tenant = associated('CPOR', { '2024-09': { paidSeats: 0 }, ...monthsFrom('2024-10', '2025-05', { paidSeats: 25 }) });
    const result = metric({ customers: [tenant] }, 'security', 'netCustomerAdds');
    expect(result.value).toBe(1);
    expect(result.points).toBe(2);
    expect(byMonth(result.contributors[0]!.months)).toEqual({ '2024-09': 0, '2024-10': 25 });
  });

  it('M365: a tenant going from at least 25 to 0 subtracts 1; 0 → 24 adds nothing', () => {
    const lost = associated('CPOR', { ...monthsFrom('2024-05', '2024-11', { paidSeats: 30 }) });
    const small = associated('CPOR', monthsFrom('2024-08', '2025-05', { paidSeats: 24 }));
    const result = metric({ customers: [lost, small] }, 'security', 'netCustomerAdds');
    expect(result.value).toBe(-1);
    expect(result.contributors).toEqual([
      expect.objectContaining({
        id: lost.customerId,
        contribution: -1,
        months: [
          { month: '2024-11', value: 30 },
          { month: '2024-12', value: 0 },
        ],
      }),
    ]);
  });

  it('M365: only 0 → ≥ 25 is an add, so a tenant that grew through 1..24 and then left counts −1', () => {
    const ramped = associated('CPOR', { '2024-06': { paidSeats: 1 }, '2024-07': { paidSeats: 30 }, '2024-08': { paidSeats: 0 } });
    expect(metric({ customers: [ramped] }, 'security', 'netCustomerAdds').value).toBe(-1);
  });

  it('M365: the association must be active in the month of the change, but the month before reads the tenant’s own seats', () => {
    const associatedLate = customer({
      associations: [{ type: 'CPOR', from: '2024-10-31' }],
      months: { '2024-09': { paidSeats: 0 }, ...monthsFrom('2024-10', '2025-05', { paidSeats: 40 }) },
    });
    const associatedAfter = customer({
      associations: [{ type: 'CPOR', from: '2024-11-01' }],
      months: { '2024-09': { paidSeats: 0 }, ...monthsFrom('2024-10', '2025-05', { paidSeats: 40 }) },
    });
    expect(metric({ customers: [associatedLate] }, 'security', 'netCustomerAdds').value).toBe(1);
    expect(metric({ customers: [associatedAfter] }, 'security', 'netCustomerAdds').value).toBe(0);
  });

  it('Azure: customers whose security ACR averages at least 100 a month over T, minus those who did over the 12 months before', () => {
    const grew = associated('PAL', { '2024-06': acr('security', 1200) }); // 100 a month over T
    const justShort = associated('PAL', { '2024-06': acr('security', 1199) });
    const shrank = associated('PAL', { '2023-06': acr('security', 1200), '2025-05': acr('security', 1) }); // earlier window only
    const steady = associated('PAL', { '2024-01': acr('security', 1200), '2025-01': acr('security', 1200) });
    const result = metric({ customers: [grew, justShort, shrank, steady] }, 'security', 'netCustomerAdds');
    expect(result.value).toBe(0);
    expect(result.contributors.map((c) => [c.id, c.contribution])).toEqual([
      [grew.customerId, 1],
      [shrank.customerId, -1],
    ]);
  });

  it('Azure: each window on its own associations: a customer whose PAL ended before M still counts for the window it was associated in', () => {
    const leftAfterT = customer({
      associations: [{ type: 'PAL', from: '2020-01-01', to: '2025-03-31' }],
      months: { '2024-07': acr('security', 4000) },
    });
    const leftBeforeT = customer({
      associations: [{ type: 'PAL', from: '2020-01-01', to: '2024-05-31' }],
      months: { '2023-09': acr('security', 2400) },
    });
    const result = metric({ customers: [leftAfterT, leftBeforeT] }, 'security', 'netCustomerAdds');
    expect(result.contributors.map((c) => [c.id, c.contribution])).toEqual([
      [leftAfterT.customerId, 1],
      [leftBeforeT.customerId, -1],
    ]);
  });

  it('Azure part needs PAL: a CSP-only Azure customer adds nothing; M365 and Azure adds are summed', () => {
    const tenant = associated('CPOR', { '2024-09': { paidSeats: 0 }, ...monthsFrom('2024-10', '2025-05', { paidSeats: 25 }) });
    const azure = associated('PAL', { '2025-05': acr('security', 1200) });
    const csp = associated('CSP', { '2025-05': acr('security', 5000) });
    expect(metric({ customers: [tenant, azure, csp] }, 'security', 'netCustomerAdds').value).toBe(2);
  });
});

/** Before 2023-12-01 (rule set 2022-10): seed 001's per-person combination. */
const SEED_MODEL = '2023-06-15';

describe('Security intermediate certifications (2022-10: seed 001)', () => {
  it('needs both associate certifications and one of the three others', () => {
    const team = [
      person([M365_ADMIN, AZURE_ENGINEER, 'identity-and-access-administrator-associate']),
      person([M365_ADMIN, AZURE_ENGINEER, 'information-protection-administrator-associate', 'security-operations-analyst-associate']),
      person([M365_ADMIN, AZURE_ENGINEER]),
      person([AZURE_ENGINEER, 'security-operations-analyst-associate']),
    ];
    const result = metric({ people: team }, 'security', 'intermediateCertifications', SEED_MODEL);
    expect(result.value).toBe(2);
    expect(result.points).toBeCloseTo(40 / 3, 12);
    expect(result.gate).toBeNull();
  });

  it('six people at 40/6 points each make full points', () => {
    const result = metric(
      { people: people(6, [M365_ADMIN, AZURE_ENGINEER, 'security-operations-analyst-associate']) },
      'security',
      'intermediateCertifications',
      SEED_MODEL,
    );
    expect(result.points).toBe(40);
    expect(result.toFullPoints).toBeNull();
  });
});

describe('Security deployments', () => {
  it('M365: ≥ 25 seats in M, protected ratio ≤ 15% at baseline and > 15% in a later month of T', () => {
    const rose = associated('CPOR', {
      '2024-05': { paidSeats: 100, protectedUsers: 15 },
      '2024-08': { paidSeats: 100, protectedUsers: 16 },
      '2025-05': { paidSeats: 25, protectedUsers: 0 },
    });
    const alreadyHigh = associated('CPOR', {
      '2024-05': { paidSeats: 100, protectedUsers: 16 },
      '2025-05': { paidSeats: 100, protectedUsers: 50 },
    });
    const tooSmall = associated('CPOR', {
      '2024-05': { paidSeats: 100, protectedUsers: 0 },
      '2025-05': { paidSeats: 24, protectedUsers: 24 },
    });
    const result = metric({ customers: [rose, alreadyHigh, tooSmall] }, 'security', 'deployments');
    expect(result.contributors.map((c) => c.id)).toEqual([rose.customerId]);
    expect(byMonth(result.contributors[0]!.months)).toEqual({ '2024-05': 0.15, '2024-08': 0.16 });
    expect(result.points).toBeCloseTo(20 / 6, 12);
  });

  it('Azure: PAL customers with at least 12,000 USD security ACR summed over T; each customer counts once', () => {
    const azure = associated('PAL', monthsFrom('2024-06', '2025-05', acr('security', 1000)));
    const short = associated('PAL', monthsFrom('2024-06', '2025-05', acr('security', 999)));
    const both = customer({
      associations: [
        { type: 'PAL', from: '2020-01-01' },
        { type: 'CPOR', from: '2020-01-01' },
      ],
      months: {
        '2024-05': { paidSeats: 50 },
        '2024-06': { paidSeats: 50, protectedUsers: 50, ...acr('security', 12000) },
        '2025-05': { paidSeats: 50 },
      },
    });
    const result = metric({ customers: [azure, short, both] }, 'security', 'deployments');
    expect(result.value).toBe(2);
    expect(result.contributors.map((c) => c.id).sort()).toEqual([azure.customerId, both.customerId].sort());
  });

  it('counts production customers only', () => {
    const test = associated('PAL', { '2024-06': acr('security', 20000) }, { production: false });
    expect(metric({ customers: [test] }, 'security', 'deployments').value).toBe(0);
  });
});

describe('Security usage growth', () => {
  it('MPU growth / 2,500 plus security ACR growth / 25,000', () => {
    const m365 = associated('CPOR', { '2024-05': { protectedUsers: 100 }, '2025-05': { protectedUsers: 1350 } }); // +1,250 → 0.5
    const azure = associated('PAL', { '2024-05': acr('security', 5000), '2025-05': acr('security', 10000) }); // +5,000 → 0.2
    const result = metric({ customers: [m365, azure] }, 'security', 'usageGrowth');
    expect(result.value).toBeCloseTo(0.7, 12);
    expect(result.points).toBeCloseTo(14, 12);
  });

  it('a shrinking part counts as 0, not against the other, and the sum is capped at 1', () => {
    const shrinking = associated('CPOR', { '2024-05': { protectedUsers: 5000 }, '2025-05': { protectedUsers: 0 } });
    const azure = associated('PAL', { '2024-05': acr('security', 0), '2025-05': acr('security', 30000) });
    const result = metric({ customers: [shrinking, azure] }, 'security', 'usageGrowth');
    expect(result.value).toBe(1);
    expect(result.points).toBe(20);
  });
});

describe('Security has no advanced metric and 20/40/20/20 points', () => {
  it('lists exactly its four metrics', () => {
    const area = metric({}, 'security', 'netCustomerAdds');
    expect(area.maxPoints).toBe(20);
    expect(() => metric({}, 'security', 'advancedCertifications')).toThrow();
  });
});
