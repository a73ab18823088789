import { describe, expect, it } from 'vitest';
import { associated, metric, people, person, score } from './builders.js';

// Rule set 2024-07 (as of 2025-06-15) scores Modern Work by learn-2023/modern-work.md: two paths, best of.
const seats = (paidSeats: number, activeUsers = 0) => ({ paidSeats, activeUsers });

describe('Modern Work: two paths, best of at area level (learn-2023 "Two attainment paths")', () => {
  it('Performance, net customer adds: Enterprise counts tenants over 300 licences under CPOR/DPOR (4 points each), SMB 11–300 under CPOR/CSP (2 each)', () => {
    const customers = [
      associated('CPOR', { '2024-05': seats(0), '2025-05': seats(301) }), // Enterprise +1
      associated('CPOR', { '2024-05': seats(0), '2025-05': seats(300) }), // SMB +1
      associated('CSP', { '2024-05': seats(0), '2025-05': seats(11) }), // SMB +1 (CSP is an SMB association)
      associated('CPOR', { '2024-05': seats(0), '2025-05': seats(10) }), // neither: 10 is below SMB's 11
      associated('DPOR', { '2024-05': seats(0), '2025-05': seats(400) }), // Enterprise +1 (DPOR is an Enterprise association)
    ];
    const area = score({ customers }).areas.modernWork;
    expect(area.paths).toEqual({ enterprise: 8, smb: 4 });
    expect(area.path).toBe('enterprise');
    expect(area.metrics.netCustomerAdds!.value).toBe(2);
  });

  it('Skilling: Enterprise needs 4 intermediate and 2 advanced people, SMB 2 and 1 (10 and 15 points max)', () => {
    const team = [person(['teams-administrator-associate']), person(['m365-enterprise-administrator-expert'])];
    const area = score({ people: team }).areas.modernWork;
    expect(area.paths).toEqual({ enterprise: 2.5 + 7.5, smb: 5 + 15 });
    expect(area.path).toBe('smb');
    expect(area.metrics.advancedCertifications!.points).toBe(15);
  });

  it('the intermediate list is the page’s seven certifications (Teams Application Developer and Messaging Administrator included); Azure Administrator is not on it', () => {
    const team = [
      person(['teams-application-developer-associate']),
      person(['messaging-administrator-associate']),
      person(['azure-administrator-associate']),
    ];
    expect(metric({ people: team }, 'modernWork', 'intermediateCertifications').value).toBe(2);
  });

  it('the path is kept at area level, not metric by metric: a higher total wins even where the other path earns more on a metric, and the shortfall says so', () => {
    const customers = Array.from({ length: 5 }, () => associated('CPOR', { '2024-05': seats(0), '2025-05': seats(500) }));
    const area = score({ customers, people: [person(['teams-administrator-associate']), person(['m365-enterprise-administrator-expert'])] })
      .areas.modernWork;
    expect(area.paths).toEqual({ enterprise: 20 + 2.5 + 7.5, smb: 5 + 15 });
    expect(area.path).toBe('enterprise');
    expect(area.score).toBe(30);
    expect(area.metrics.advancedCertifications!.points).toBe(7.5);
    expect(area.shortfall).toContain('on the SMB path (score 20.00) advancedCertifications earns 15.00 of 15');
  });

  it('with equal totals and neither qualifying, the Enterprise path is kept', () => {
    const area = score({}).areas.modernWork;
    expect(area.paths).toEqual({ enterprise: 0, smb: 0 });
    expect(area.path).toBe('enterprise');
  });
});

describe('Modern Work usage growth: options by association type, best kept (learn-2023 "Usage growth metric")', () => {
  it('Enterprise: 1,500 CPOR growth (full points at 1,000) beats 2,000 DPOR growth (full at 4,000): 30 points, option CPOR', () => {
    const customers = [
      associated('CPOR', { '2024-05': seats(400, 100), '2025-05': seats(400, 1600) }),
      associated('DPOR', { '2024-05': seats(400, 0), '2025-05': seats(400, 2000) }),
    ];
    const m = metric({ customers }, 'modernWork', 'usageGrowth');
    expect(m.option).toBe('CPOR');
    expect(m.points).toBe(30);
    expect(m.options).toEqual([
      { option: 'CPOR', value: 1500, points: 30, target: 1000 },
      { option: 'DPOR', value: 2000, points: 15, target: 4000 },
    ]);
  });

  it('SMB: CPOR 500 / CSP 2,000 MAU for full points; 250 CPOR (15 points) loses to 1,500 CSP (22.5 points)', () => {
    const customers = [
      associated('CPOR', { '2024-05': seats(200, 0), '2025-05': seats(200, 250) }),
      associated('CSP', { '2024-05': seats(250, 0), '2025-05': seats(250, 1500) }),
    ];
    const area = score({ customers }).areas.modernWork;
    expect(area.path).toBe('smb');
    const m = area.metrics.usageGrowth!;
    expect(m.option).toBe('CSP');
    expect(m.points).toBe(22.5);
    expect(m.target).toBe(2000);
    expect(m.options!.map((o) => [o.option, o.points])).toEqual([
      ['CPOR', 15],
      ['CSP', 22.5],
    ]);
  });

  it('counts only tenants of the path’s size in M, and only growth since the association', () => {
    const tooSmall = associated('CPOR', { '2024-05': seats(10, 0), '2025-05': seats(10, 900) });
    const joinedLate = associated(
      'CPOR',
      { '2024-05': seats(100, 0), '2024-11': seats(100, 300), '2025-05': seats(100, 400) },
      { associations: [{ type: 'CPOR', from: '2024-11-15' }] },
    );
    const m = metric({ customers: [tooSmall, joinedLate] }, 'modernWork', 'usageGrowth');
    expect(m.value).toBe(100);
  });
});

describe('Modern Work deployments: ≥ 40% active in M, below at the baseline month; options (learn-2023 "Deployments metric")', () => {
  const crossing = (type: 'CPOR' | 'DPOR' | 'CSP', paidSeats: number) =>
    associated(type, { '2024-05': seats(paidSeats, 0), '2025-05': seats(paidSeats, paidSeats * 0.4) });

  it('Enterprise: 3 CPOR deployments (5 for full points) beat 4 DPOR (10 for full points): 15 of 25', () => {
    const customers = [...[1, 2, 3].map(() => crossing('CPOR', 500)), ...[1, 2, 3, 4].map(() => crossing('DPOR', 500))];
    const m = metric({ customers }, 'modernWork', 'deployments');
    expect(m.option).toBe('CPOR');
    expect(m.points).toBe(15);
    expect(m.options!.map((o) => [o.option, o.value, o.points])).toEqual([
      ['CPOR', 3, 15],
      ['DPOR', 4, 10],
    ]);
  });

  it('exactly 40% active is a deployment, 39.9% is not; a tenant already at 40% at the baseline month is not', () => {
    const exactly = associated('CPOR', { '2024-05': seats(1000, 399), '2025-05': seats(1000, 400) });
    const justBelow = associated('CPOR', { '2024-05': seats(1000, 0), '2025-05': seats(1000, 399) });
    const already = associated('CPOR', { '2024-05': seats(1000, 400), '2025-05': seats(1000, 900) });
    const m = metric({ customers: [exactly, justBelow, already] }, 'modernWork', 'deployments');
    expect(m.contributors.map((c) => c.id)).toEqual([exactly.customerId]);
  });

  it('production tenants only', () => {
    const test = associated('CPOR', { '2024-05': seats(1000, 0), '2025-05': seats(1000, 900) }, { production: false });
    expect(metric({ customers: [test] }, 'modernWork', 'deployments').value).toBe(0);
  });

  it('people are counted once per metric', () => {
    expect(
      metric({ people: people(3, ['teams-administrator-associate', 'm365-fundamentals']) }, 'modernWork', 'intermediateCertifications')
        .value,
    ).toBe(3);
  });
});
