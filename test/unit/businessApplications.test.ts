import { describe, expect, it } from 'vitest';
import { associated, metric, people } from './builders.js';

const biz = (revenueUsd: number, mcv = 0) => ({ bizApps: { revenueUsd, mcv } });

describe('Business Applications', () => {
  it('net adds: revenue strictly above 1,500 in M minus at baseline, 3 points each; PAL is eligible here', () => {
    const exactly = associated('CPOR', { '2025-05': biz(1500) });
    const above = associated('PAL', { '2024-05': biz(0), '2025-05': biz(1500.01) });
    const result = metric({ customers: [exactly, above] }, 'businessApplications', 'netCustomerAdds');
    expect(result.value).toBe(1);
    expect(result.points).toBe(3);
  });

  it('intermediate: 1 point per person up to 20; advanced: 15/7 per person', () => {
    expect(metric({ people: people(5, ['power-platform-developer-associate']) }, 'businessApplications', 'intermediateCertifications').points).toBe(5);
    expect(metric({ people: people(2, ['dynamics-365-solution-architect-expert']) }, 'businessApplications', 'advancedCertifications').points).toBeCloseTo(30 / 7, 12);
  });

  it('usage growth: MCV growth in percent when the baseline sum is at least 50,000', () => {
    const customers = [
      associated('CSP', { '2024-05': biz(0, 30000), '2025-05': biz(0, 36000) }),
      associated('DPOR', { '2024-05': biz(0, 20000), '2025-05': biz(0, 21500) }),
    ];
    const result = metric({ customers }, 'businessApplications', 'usageGrowth');
    expect(result.value).toBeCloseTo(15, 12);
    expect(result.points).toBeCloseTo(15, 12);
  });

  it('usage growth is 0 when the baseline sum is below 50,000', () => {
    const customers = [associated('CSP', { '2024-05': biz(0, 49999), '2025-05': biz(0, 99999) })];
    expect(metric({ customers }, 'businessApplications', 'usageGrowth').points).toBe(0);
  });

  it('deployments: production customers with MCV ≥ 10,000 in M, 4 points each', () => {
    const customers = [
      associated('CSP', { '2025-05': biz(0, 10000) }),
      associated('CSP', { '2025-05': biz(0, 9999.99) }),
      associated('CSP', { '2025-05': biz(0, 50000) }, { production: false }),
    ];
    const result = metric({ customers }, 'businessApplications', 'deployments');
    expect(result.value).toBe(1);
    expect(result.points).toBe(4);
  });
});
