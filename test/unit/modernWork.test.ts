import { describe, expect, it } from 'vitest';
import { associated, customer, metric, people, person } from './builders.js';

describe('Modern Work', () => {
  it('net adds: tenants with ≥ 25 paid seats in M minus those at baseline, 2 points each', () => {
    const grew = associated('CPOR', { '2024-05': { paidSeats: 24 }, '2025-05': { paidSeats: 25 } });
    const shrank = associated('CSP', { '2024-05': { paidSeats: 25 }, '2025-05': { paidSeats: 3 } });
    const newBig = associated('DPOR', { '2025-05': { paidSeats: 400 } });
    const pal = associated('PAL', { '2025-05': { paidSeats: 400 } });
    const result = metric({ customers: [grew, shrank, newBig, pal] }, 'modernWork', 'netCustomerAdds');
    expect(result.value).toBe(1);
    expect(result.points).toBe(2);
  });

  it('intermediate: any of four certifications, 2.5 points per person; fundamentals counts', () => {
    const team = [person(['teams-administrator-associate']), person(['m365-fundamentals']), person(['azure-administrator-associate'])];
    const result = metric({ people: team }, 'modernWork', 'intermediateCertifications');
    expect(result.value).toBe(2);
    expect(result.points).toBe(5);
  });

  it('advanced: Enterprise Administrator Expert, 7.5 points per person up to 2', () => {
    expect(metric({ people: people(1, ['m365-enterprise-administrator-expert']) }, 'modernWork', 'advancedCertifications').points).toBe(7.5);
    expect(metric({ people: people(3, ['m365-enterprise-administrator-expert']) }, 'modernWork', 'advancedCertifications').points).toBe(15);
  });

  it('usage growth: MAU in M minus baseline MAU over counted tenants; 500 of 1,000 earns 15 of 30', () => {
    const a = associated('CPOR', { '2024-05': { activeUsers: 1000 }, '2025-05': { activeUsers: 1700 } });
    const b = associated('CPOR', { '2024-05': { activeUsers: 300 }, '2025-05': { activeUsers: 100 } });
    const gone = customer({ associations: [{ type: 'CPOR', from: '2020-01-01', to: '2025-03-31' }], months: { '2024-05': { activeUsers: 5000 } } });
    const result = metric({ customers: [a, b, gone] }, 'modernWork', 'usageGrowth');
    expect(result.value).toBe(500);
    expect(result.points).toBe(15);
  });

  it('deployments: MAU/paid seats ≥ 40% in M having been below 40% at baseline; production only; 5 points each', () => {
    const crossed = associated('CPOR', { '2024-05': { paidSeats: 100, activeUsers: 39 }, '2025-05': { paidSeats: 100, activeUsers: 40 } });
    const always = associated('CPOR', { '2024-05': { paidSeats: 100, activeUsers: 40 }, '2025-05': { paidSeats: 100, activeUsers: 90 } });
    const noSeatsAtBaseline = associated('CPOR', { '2025-05': { paidSeats: 10, activeUsers: 10 } });
    const test = associated('CPOR', { '2024-05': { paidSeats: 100 }, '2025-05': { paidSeats: 100, activeUsers: 90 } }, { production: false });
    const result = metric({ customers: [crossed, always, noSeatsAtBaseline, test] }, 'modernWork', 'deployments');
    expect(result.contributors.map((c) => c.id)).toEqual([crossed.customerId, noSeatsAtBaseline.customerId]);
    expect(result.points).toBe(10);
  });
});
