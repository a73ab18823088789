import { describe, expect, it } from 'vitest';
import { acr, associated, customer, metric, monthsFrom, pathMetric, people, person, score } from './builders.js';

// As of 2026-06-15: rule set 2025-07 (learn-2026 pages), M = 2026-05, Y = 2025-05, T = 2025-06..2026-05.
const AS_OF = '2026-06-15';
const ADMIN = 'azure-administrator-associate';
const ARCHITECT = 'azure-solutions-architect-expert';
const azure = (segment: 'smb' | 'enterprise', months = {}) => associated('PAL', months, { segment });

describe('Azure qualification track (learn-2026/azure.md "Qualification track classification")', () => {
  it('SMB when at least 80% of the customers with an eligible association in M are SMB: 4 of 5 is SMB, 3 of 4 is Enterprise', () => {
    const five = [azure('smb'), azure('smb'), azure('smb'), azure('smb'), azure('enterprise')];
    const area = score({ customers: five }, AS_OF).areas.infrastructure;
    expect(area.track).toBe('smb');
    expect(area.trackReason).toBe('SMB: 4 of 5 customers are SMB in 2026-05 (SMB from 80%)');
    expect(score({ customers: five.slice(1) }, AS_OF).areas.infrastructure.track).toBe('enterprise');
  });

  it('counts only customers with an Azure association (PAL, DPOR, CSP) active in M; none at all is Enterprise; one track for all three Azure areas', () => {
    const ended = customer({ associations: [{ type: 'PAL', from: '2020-01-01', to: '2026-04-30' }], segment: 'enterprise' });
    const m365 = associated('CPOR', {}, { segment: 'enterprise' });
    const result = score({ customers: [azure('smb'), ended, m365] }, AS_OF);
    expect(result.areas.dataAi.track).toBe('smb');
    expect(result.areas.digitalAppInnovation.trackReason).toBe('SMB: 1 of 1 customers are SMB in 2026-05 (SMB from 80%)');
    expect(score({ customers: [m365] }, AS_OF).areas.infrastructure.trackReason).toBe(
      'Enterprise: no customer has an eligible association in 2026-05',
    );
  });

  it('a customer without a segment is Enterprise', () => {
    expect(score({ customers: [associated('PAL', {})] }, AS_OF).areas.infrastructure.track).toBe('enterprise');
  });
});

describe('Azure net customer adds 2025-07 (learn-2026/azure.md "Net customer adds")', () => {
  it('SMB: at least 500 USD ACR in one of the last two months; Enterprise: 1,000', () => {
    const lastMonthOnly = (segment: 'smb' | 'enterprise', acrUsd: number) => azure(segment, { '2026-04': acr('infrastructure', acrUsd) });
    expect(metric({ customers: [lastMonthOnly('smb', 500)] }, 'infrastructure', 'netCustomerAdds', AS_OF).value).toBe(1);
    expect(metric({ customers: [lastMonthOnly('smb', 499.99)] }, 'infrastructure', 'netCustomerAdds', AS_OF).value).toBe(0);
    expect(metric({ customers: [lastMonthOnly('enterprise', 999.99)] }, 'infrastructure', 'netCustomerAdds', AS_OF).value).toBe(0);
    expect(metric({ customers: [lastMonthOnly('enterprise', 1000)] }, 'infrastructure', 'netCustomerAdds', AS_OF).value).toBe(1);
  });

  it('at Y likewise: a customer that met the threshold in Y−1 is no add', () => {
    const steady = azure('enterprise', { '2025-04': acr('infrastructure', 1000), '2026-05': acr('infrastructure', 1000) });
    expect(metric({ customers: [steady] }, 'infrastructure', 'netCustomerAdds', AS_OF).value).toBe(0);
  });

  it('2025-06-30 is still 2024-07 (one track, 1,000 USD in M); 2025-07-01 is 2025-07 (SMB: 500 USD in M or M−1)', () => {
    const smb = azure('smb', { '2025-05': acr('infrastructure', 600) });
    expect(metric({ customers: [smb] }, 'infrastructure', 'netCustomerAdds', '2025-06-30').value).toBe(0);
    expect(score({ customers: [smb] }, '2025-06-30').areas.infrastructure.track).toBeUndefined();
    expect(metric({ customers: [smb] }, 'infrastructure', 'netCustomerAdds', '2025-07-01').value).toBe(1);
    expect(score({ customers: [smb] }, '2025-07-01').areas.infrastructure.track).toBe('smb');
  });
});

describe('Azure skilling steps 2025-07 (learn-2026/azure.md "Intermediate certifications", examples)', () => {
  const smbPartner = [azure('smb')];
  it('Infrastructure SMB example 1: two administrators (4 points, capped) and two step-2 people (8) make 12', () => {
    const team = [...people(2, [ADMIN]), ...people(2, ['azure-network-engineer-associate'])];
    const m = metric({ customers: smbPartner, people: team }, 'infrastructure', 'intermediateCertifications', AS_OF);
    expect(m.points).toBe(12);
    expect(m.gate).toMatchObject({ passed: true, points: 4 });
    expect(m.toFullPoints).toBe('2 more people with an intermediate certification');
  });

  it('Infrastructure SMB example 4: no administrator, two step-2 people: 0', () => {
    expect(
      metric(
        { customers: smbPartner, people: people(2, ['windows-server-hybrid-administrator-associate']) },
        'infrastructure',
        'intermediateCertifications',
        AS_OF,
      ).points,
    ).toBe(0);
  });

  it('Data & AI SMB example 3: step 1 met, step 2 not: 4 points from step 1 only', () => {
    const team = [...people(2, [ADMIN]), ...people(2, ['azure-database-administrator-associate'])];
    const m = metric({ customers: smbPartner, people: team }, 'dataAi', 'intermediateCertifications', AS_OF);
    expect(m.points).toBe(4);
    expect(m.gate?.reason).toBe(`needs 1 person holding ${ARCHITECT}, has 0`);
  });

  it('Data & AI SMB example 1: 4 + 4 + 3 step-3 people × 4 = 20; the metric is capped at 40', () => {
    const team = [person([ADMIN]), person([ARCHITECT]), ...people(3, ['fabric-data-engineer-associate'])];
    expect(metric({ customers: smbPartner, people: team }, 'dataAi', 'intermediateCertifications', AS_OF).points).toBe(20);
    const many = [person([ADMIN]), person([ARCHITECT]), ...people(10, ['sql-ai-developer-associate'])];
    expect(metric({ customers: smbPartner, people: many }, 'dataAi', 'intermediateCertifications', AS_OF).points).toBe(40);
  });

  it('Data & AI Enterprise example 2 and 4: two administrators and two architects, the same two on step 3: 8; one administrator: 0', () => {
    const same = people(2, [ADMIN, ARCHITECT, 'azure-cosmos-db-developer-specialty']);
    expect(metric({ people: same }, 'dataAi', 'intermediateCertifications', AS_OF).points).toBe(8);
    const oneAdmin = [person([ADMIN]), ...people(2, [ARCHITECT, 'azure-cosmos-db-developer-specialty'])];
    expect(metric({ people: oneAdmin }, 'dataAi', 'intermediateCertifications', AS_OF).points).toBe(0);
  });

  it('Digital & App Innovation advanced, Enterprise: two architects, then GitHub certifications count 4 points each', () => {
    const team = [...people(2, [ARCHITECT]), ...people(2, ['github-copilot'])];
    expect(metric({ people: team }, 'digitalAppInnovation', 'advancedCertifications', AS_OF).points).toBe(8);
  });
});

describe('certifications that count until a date (learn-2026 retirement notes)', () => {
  const twoAdmins = people(2, [ADMIN]);
  it('Azure Developer Associate retires 2026-07-31 and counts through 2027-07-31, not the day after', () => {
    const developers = people(2, ['azure-developer-associate']);
    expect(
      metric({ people: [...twoAdmins, ...developers] }, 'digitalAppInnovation', 'intermediateCertifications', '2027-07-31').value,
    ).toBe(2);
    expect(
      metric({ people: [...twoAdmins, ...developers] }, 'digitalAppInnovation', 'intermediateCertifications', '2027-08-01').value,
    ).toBe(0);
  });

  it('a certification earned after its retirement still counts until countsUntil (only D ≤ countsUntil is checked)', () => {
    const late = person(['azure-developer-associate'], { certifications: [{ id: 'azure-developer-associate', earnedOn: '2026-12-01' }] });
    expect(metric({ people: [...twoAdmins, late] }, 'digitalAppInnovation', 'intermediateCertifications', '2027-01-15').value).toBe(1);
  });
});

describe('Azure usage growth 2025-07: at least 1,000 USD of eligible ACR over T (learn-2026/azure.md "Usage growth")', () => {
  it('999.99 over T earns nothing, 1,000 earns the growth', () => {
    // Y (2025-05) is outside T; T holds 2026-04 and M (2026-05, 100.01 against 100 at Y: 0.01% growth).
    const grow = (april: number) =>
      azure('enterprise', {
        '2025-05': acr('infrastructure', 100),
        '2026-04': acr('infrastructure', april),
        '2026-05': acr('infrastructure', 100.01),
      });
    expect(metric({ customers: [grow(899.98)] }, 'infrastructure', 'usageGrowth', AS_OF).points).toBe(0);
    expect(metric({ customers: [grow(899.99)] }, 'infrastructure', 'usageGrowth', AS_OF).points).toBeCloseTo(0.01, 9);
  });
});

describe('Security 2025-07: two paths (learn-2026/security.md)', () => {
  const ENGINEER = 'azure-security-engineer-associate';
  const SOC = 'security-operations-analyst-associate';
  const STEP3 = 'information-security-administrator-associate';
  const intermediate = (team: ReturnType<typeof person>[]) => score({ people: team }, AS_OF).areas.security;

  it('SMB example 1: 4 + 4 + 3 step-3 people × 8 = 32, on the SMB path (Enterprise: 3 × 40/6 = 20)', () => {
    const area = intermediate([...people(2, [ENGINEER]), ...people(2, [SOC]), ...people(3, [STEP3])]);
    expect(area.path).toBe('smb');
    expect(area.paths).toEqual({ enterprise: 20, smb: 32 });
  });

  it('SMB example 2: the same two on every step: 24; Enterprise example 2: 13.33', () => {
    const area = intermediate(people(2, [ENGINEER, SOC, STEP3]));
    expect(area.paths!.smb).toBe(24);
    expect(area.paths!.enterprise).toBeCloseTo(80 / 6, 12);
  });

  it('SMB example 3: no SOC analyst: 4 from step 1 only; Enterprise: 0', () => {
    expect(intermediate([...people(2, [ENGINEER]), ...people(2, [STEP3])]).paths).toEqual({ enterprise: 0, smb: 4 });
  });

  it('Cloud and AI Security Engineer is a step-1 alternative; M365 Security Administrator is no longer a step-2 one', () => {
    const area = intermediate([
      ...people(2, ['cloud-and-ai-security-engineer-associate']),
      ...people(2, ['m365-security-administrator-associate']),
      ...people(1, [STEP3]),
    ]);
    expect(area.paths!.smb).toBe(4);
  });

  it('net adds: Azure customers with at least 600 USD security ACR over the 12 months ending at M (PAL or CSP), on both paths', () => {
    const pal = associated('PAL', monthsFrom('2025-06', '2026-05', acr('security', 50)));
    const csp = associated('CSP', { '2026-01': acr('security', 600) });
    const short = associated('PAL', { '2026-01': acr('security', 599.99) });
    for (const [path, points] of [
      ['enterprise', 4],
      ['smb', 8],
    ] as const) {
      const m = pathMetric({ customers: [pal, csp, short] }, 'security', path, 'netCustomerAdds', AS_OF);
      expect(m.value).toBe(2);
      expect(m.points).toBe(points);
    }
  });

  it('net adds, Microsoft 365: Enterprise tenants over 300 licences, SMB 5 to 300 (CPOR or CSP); 300/301 decide', () => {
    const tenant = (seats: number) => associated('CSP', { '2026-05': { paidSeats: seats } });
    expect(score({ customers: [tenant(301)] }, AS_OF).areas.security.paths).toEqual({ enterprise: 2, smb: 0 });
    expect(score({ customers: [tenant(300)] }, AS_OF).areas.security.paths).toEqual({ enterprise: 0, smb: 4 });
    expect(score({ customers: [tenant(5)] }, AS_OF).areas.security.paths).toEqual({ enterprise: 0, smb: 4 });
    expect(score({ customers: [tenant(4)] }, AS_OF).areas.security.paths).toEqual({ enterprise: 0, smb: 0 });
  });

  it('a tenant promoted past 300 licences stays SMB for a year: counted on both paths', () => {
    const promoted = associated('CPOR', { '2025-09': { paidSeats: 250 }, '2026-05': { paidSeats: 400 } });
    const longAgo = associated('CPOR', { '2025-04': { paidSeats: 250 }, '2026-05': { paidSeats: 400 } });
    expect(score({ customers: [promoted] }, AS_OF).areas.security.paths).toEqual({ enterprise: 2, smb: 4 });
    expect(score({ customers: [longAgo] }, AS_OF).areas.security.paths).toEqual({ enterprise: 2, smb: 0 });
  });

  it('deployments, Azure: Enterprise over 12,000 USD over 12 months; SMB 750 to 12,000, or promoted from SMB a year earlier', () => {
    const total = (sum: number, before = 0) => associated('PAL', { '2024-08': acr('security', before), '2026-05': acr('security', sum) });
    const deployments = (path: 'enterprise' | 'smb', c: ReturnType<typeof total>) =>
      pathMetric({ customers: [c] }, 'security', path, 'deployments', AS_OF).value;
    expect([deployments('enterprise', total(12000.01)), deployments('smb', total(12000.01))]).toEqual([1, 0]);
    expect([deployments('enterprise', total(12000)), deployments('smb', total(12000))]).toEqual([0, 1]);
    expect(deployments('smb', total(750))).toBe(1);
    expect(deployments('smb', total(749.99))).toBe(0);
    // 20,000 over T, and 500 in the 12 months ending at M−12 (2025-05): SMB a year earlier, so an SMB
    // deployment too (and none at Y, where 500 is below 750).
    expect([deployments('enterprise', total(20000, 500)), deployments('smb', total(20000, 500))]).toEqual([1, 1]);
    // Nothing a year earlier: Enterprise only.
    expect([deployments('enterprise', total(20000)), deployments('smb', total(20000))]).toEqual([1, 0]);
  });

  it('deployments, Microsoft 365: 15% of paid licences protected in M, below 15% at the baseline month; exactly 15% counts', () => {
    const tenant = (protectedUsers: number) =>
      associated('CSP', { '2025-05': { paidSeats: 200, protectedUsers: 0 }, '2026-05': { paidSeats: 200, protectedUsers } });
    expect(pathMetric({ customers: [tenant(30)] }, 'security', 'smb', 'deployments', AS_OF).value).toBe(1);
    expect(pathMetric({ customers: [tenant(29)] }, 'security', 'smb', 'deployments', AS_OF).value).toBe(0);
    expect(pathMetric({ customers: [tenant(30)] }, 'security', 'enterprise', 'deployments', AS_OF).value).toBe(0);
  });

  it('usage growth, SMB rates: 1 point per 750 USD of security ACR growth or per 50 protected users', () => {
    const azureGrowth = associated('PAL', { '2025-05': acr('security', 1000), '2026-05': acr('security', 2500) }); // +1,500 → 2 SMB points
    const m365Growth = associated('CPOR', {
      '2025-05': { paidSeats: 200, protectedUsers: 0 },
      '2026-05': { paidSeats: 200, protectedUsers: 100 },
    }); // +100 → 2
    const m = score({ customers: [azureGrowth, m365Growth] }, AS_OF).areas.security;
    expect(m.path).toBe('smb');
    expect(m.metrics.usageGrowth!.points).toBe(4);
  });
});

describe('Modern Work 2025-07: the SMB promotion grace (learn-2026/modern-work.md)', () => {
  it('a tenant over 300 licences that was SMB-sized in the previous 12 months counts on the SMB path too; not before 2025-07', () => {
    const promoted = associated('CPOR', { '2025-09': { paidSeats: 250 }, '2026-05': { paidSeats: 350 } });
    expect(score({ customers: [promoted] }, AS_OF).areas.modernWork.paths).toEqual({ enterprise: 4, smb: 2 });
    const before = associated('CPOR', { '2024-09': { paidSeats: 250 }, '2025-05': { paidSeats: 350 } });
    expect(score({ customers: [before] }, '2025-06-15').areas.modernWork.paths).toEqual({ enterprise: 4, smb: 0 });
  });

  it('the 2026 lists: Copilot and Agent Administration Fundamentals counts, Messaging Administrator no longer does', () => {
    const team = [person(['copilot-and-agent-administration-fundamentals']), person(['messaging-administrator-associate'])];
    expect(metric({ people: team }, 'modernWork', 'intermediateCertifications', AS_OF).value).toBe(1);
  });
});
