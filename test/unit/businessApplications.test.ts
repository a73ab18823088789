import { describe, expect, it } from 'vitest';
import { MonthUsage } from '../../shared/model/facts.js';
import { associated, metric, people, score } from './builders.js';

// Rule set 2024-07 (as of 2025-06-15) scores Business Applications by learn-2023/business-applications.md.
type Entry = { workload: string; revenueUsd?: number; units?: number };
const workloads = (...entries: Entry[]) => ({ bizApps: { workloads: entries } });
const revenue = (workload: string, revenueUsd: number) => ({ workload, revenueUsd });
/** Five workloads over 5,000 USD in both M and Y make an Enterprise partner. */
const enterpriseBase = () =>
  ['Sales', 'Finance', 'Commerce', 'Marketing', 'Supply Chain'].map((w) =>
    associated('CPOR', { '2024-05': workloads(revenue(w, 5000.01)), '2025-05': workloads(revenue(w, 5000.01)) }),
  );

describe('Business Applications classification (learn-2023 "Classification")', () => {
  it('Enterprise with 5 (customer, workload) pairs over 5,000 USD in both M and M−12; SMB with 4; exactly 5,000 is not over', () => {
    const area = score({ customers: enterpriseBase() }).areas.businessApplications;
    expect(area.track).toBe('enterprise');
    expect(area.trackReason).toBe(
      'Enterprise: 5 (customer, workload) pairs bring more than 5,000 USD in both 2025-05 and 2024-05 (Enterprise from 5)',
    );
    const four = enterpriseBase().slice(1);
    four.push(associated('CPOR', { '2024-05': workloads(revenue('Sales', 5000)), '2025-05': workloads(revenue('Sales', 5000)) }));
    expect(score({ customers: four }).areas.businessApplications.track).toBe('smb');
  });

  it('a pair counts only for a customer with a CPOR, DPOR or CSP association in both months', () => {
    const pal = enterpriseBase().slice(1);
    pal.push(associated('PAL', { '2024-05': workloads(revenue('Sales', 9000)), '2025-05': workloads(revenue('Sales', 9000)) }));
    expect(score({ customers: pal }).areas.businessApplications.track).toBe('smb');
  });
});

describe('Business Applications net customer adds: workloads, not customers (learn-2023 "Net customer adds metric")', () => {
  it('SMB: (customer, workload) pairs of at least 250 USD in M minus those in Y, 3 points each', () => {
    const c1 = associated('CPOR', {
      '2024-05': workloads(revenue('Sales', 300)),
      '2025-05': workloads(revenue('Sales', 300), revenue('Power Apps', 250), revenue('Field Service', 249.99)),
    });
    const c2 = associated('DPOR', {
      '2024-05': workloads(revenue('Business Central', 400)),
      '2025-05': workloads(revenue('Business Central', 100)),
    });
    const m = metric({ customers: [c1, c2] }, 'businessApplications', 'netCustomerAdds');
    expect(m.value).toBe(0); // +1 (Power Apps) −1 (Business Central)
    expect(m.contributors.map((c) => [c.id, c.workload, c.contribution])).toEqual([
      [c1.customerId, 'Power Apps', 1],
      [c2.customerId, 'Business Central', -1],
    ]);
  });

  it('Enterprise: at least 1,500 USD (1,500 exactly counts); PAL is not an eligible attribution for net adds', () => {
    const customers = [
      ...enterpriseBase(),
      associated('CSP', { '2025-05': workloads(revenue('Customer Service', 1500)) }),
      associated('CSP', { '2025-05': workloads(revenue('Customer Service', 1499.99)) }),
      associated('PAL', { '2025-05': workloads(revenue('Power BI', 3000)) }),
    ];
    const m = score({ customers }).areas.businessApplications.metrics.netCustomerAdds!;
    expect(m.value).toBe(1);
    expect(m.points).toBe(3);
  });

  it('the old {revenueUsd, mcv} month counts as one workload named unspecified', () => {
    const old = associated('CPOR', { '2025-05': { bizApps: { revenueUsd: 300, mcv: 0 } } });
    const m = metric({ customers: [old] }, 'businessApplications', 'netCustomerAdds');
    expect(m.contributors).toEqual([expect.objectContaining({ workload: 'unspecified', contribution: 1 })]);
  });

  it('a workload listed twice in one customer-month is summed, in cents', () => {
    const twice = associated('CPOR', { '2025-05': workloads(revenue('Sales', 166.18), revenue('Sales', 40.03), revenue('Sales', 43.79)) });
    expect(metric({ customers: [twice] }, 'businessApplications', 'netCustomerAdds').value).toBe(1);
  });
});

describe('Business Applications skilling (learn-2023 "Skilling category")', () => {
  it('Enterprise: 1 point per person up to 20; SMB: 4 points per person up to 5 people; advanced 15/7 or 7.5 each', () => {
    expect(
      metric(
        { customers: enterpriseBase(), people: people(5, ['power-platform-developer-associate']) },
        'businessApplications',
        'intermediateCertifications',
      ).points,
    ).toBe(5);
    expect(
      metric({ people: people(5, ['power-platform-developer-associate']) }, 'businessApplications', 'intermediateCertifications').points,
    ).toBe(20);
    expect(
      metric(
        { customers: enterpriseBase(), people: people(2, ['power-platform-solution-architect-expert']) },
        'businessApplications',
        'advancedCertifications',
      ).points,
    ).toBeCloseTo(30 / 7, 12);
    expect(
      metric({ people: people(1, ['power-platform-solution-architect-expert']) }, 'businessApplications', 'advancedCertifications').points,
    ).toBe(7.5);
  });

  it('a retired certification counts until the page’s date: App Maker through 2023-11-30, not from 2023-12-01', () => {
    const makers = people(2, ['power-platform-app-maker-associate']);
    expect(metric({ people: makers }, 'businessApplications', 'intermediateCertifications', '2023-11-30').value).toBe(2);
    expect(metric({ people: makers }, 'businessApplications', 'intermediateCertifications', '2023-12-01').value).toBe(0);
  });
});

describe('Business Applications MCV (learn-2023 "Monthly consumption value")', () => {
  it('the page’s example: 10 Business Central MAU × 1,000 and 50,000 Customer Insights profiles × 0.2 are 10,000 MCV each: two deployments', () => {
    const bc = associated('CPOR', { '2025-05': workloads({ workload: 'Business Central', units: 10 }) });
    const ci = associated('PAL', { '2025-05': workloads({ workload: 'Customer Insights', units: 50000 }) });
    const ciUnderCpor = associated('CPOR', { '2025-05': workloads({ workload: 'Customer Insights Partner', units: 50000 }) }); // Customer Insights counts under PAL
    const m = metric({ customers: [...enterpriseBase(), bc, ci, ciUnderCpor] }, 'businessApplications', 'deployments');
    expect(m.value).toBe(2);
    expect(m.points).toBe(8);
    expect(m.contributors.map((c) => c.workload)).toEqual(['Business Central', 'Customer Insights']);
  });

  it('Sales and Customer Service roll up to Customer Engagement (rate 200): 30 + 20 MAU are one 10,000-MCV deployment', () => {
    const ce = associated('DPOR', { '2025-05': workloads({ workload: 'Sales', units: 30 }, { workload: 'Customer Service', units: 20 }) });
    const m = metric({ customers: [...enterpriseBase(), ce] }, 'businessApplications', 'deployments');
    expect(m.contributors).toEqual([
      expect.objectContaining({
        workload: 'Customer Engagement',
        months: [
          { month: '2024-05', value: 0 },
          { month: '2025-05', value: 10000 },
        ],
      }),
    ]);
  });

  it('Portals has no rate in the 2023 rate card (no MCV) and 100 per MAU in 2025-07', () => {
    const portals = (month: string) => associated('PAL', { [month]: workloads({ workload: 'Portals', units: 100 }) });
    expect(metric({ customers: [portals('2025-05')] }, 'businessApplications', 'deployments').value).toBe(0);
    expect(metric({ customers: [portals('2026-05')] }, 'businessApplications', 'deployments', '2026-06-15').value).toBe(1);
  });

  it('usage growth: MCV growth in percent, nothing unless the baseline MCV reaches 50,000 (Enterprise) or 25,000 (SMB)', () => {
    const grow = (from: number, to: number) =>
      associated('CPOR', {
        '2024-05': workloads({ workload: 'Business Central', units: from }),
        '2025-05': workloads({ workload: 'Business Central', units: to }),
      });
    expect(metric({ customers: [grow(25, 30)] }, 'businessApplications', 'usageGrowth').points).toBe(20); // SMB: 25,000 → 30,000 is 20%
    expect(metric({ customers: [grow(24, 30)] }, 'businessApplications', 'usageGrowth').points).toBe(0); // 24,000 is below 25,000
    expect(metric({ customers: [...enterpriseBase(), grow(25, 30)] }, 'businessApplications', 'usageGrowth').points).toBe(0); // Enterprise needs 50,000
    expect(metric({ customers: [...enterpriseBase(), grow(50, 60)] }, 'businessApplications', 'usageGrowth').points).toBe(20);
  });
});

describe('Business Applications input shapes (SPEC §3.6)', () => {
  it('refuses both shapes in one month, a workload named unspecified, and a name the pages do not use; accepts the pages’ other spellings', () => {
    const issues = (bizApps: unknown) => MonthUsage.safeParse({ bizApps }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ revenueUsd: 1, workloads: [] })).toEqual([
      'bizApps.workloads: a month holds either workloads or the old revenueUsd/mcv totals, not both',
    ]);
    expect(issues({ workloads: [{ workload: 'unspecified', revenueUsd: 1 }] })?.[0]).toMatch(
      /^bizApps.workloads.0.workload: unspecified is what the old/,
    );
    expect(issues({ workloads: [{ workload: 'Bussiness Central' }] })?.[0]).toMatch(
      /^bizApps.workloads.0.workload: not a Business Applications workload/,
    );
    expect(issues({ workloads: [{ workload: 'Power App', units: 1.5 }] })).toEqual([
      'bizApps.workloads.0.units: units must be a whole number',
    ]);
    expect(
      MonthUsage.safeParse({ bizApps: { workloads: [{ workload: 'Power App', units: 2 }, { workload: 'Customer Insights Partner' }] } })
        .success,
    ).toBe(true);
  });

  it('"Power App" and "Power Apps" are one workload for every metric', () => {
    const c = associated('PAL', { '2025-05': workloads({ workload: 'Power App', units: 30 }, { workload: 'Power Apps', units: 20 }) });
    expect(metric({ customers: [c] }, 'businessApplications', 'deployments').contributors).toEqual([
      expect.objectContaining({
        workload: 'Power Apps',
        months: [
          { month: '2024-05', value: 0 },
          { month: '2025-05', value: 10000 },
        ],
      }),
    ]);
  });
});
