import { describe, expect, it } from 'vitest';
import { acr, associated, byMonth, customer, metric, monthsFrom, people } from './builders.js';

const ADMIN = 'azure-administrator-associate';
const ARCHITECT = 'azure-solutions-architect-expert';

describe('Azure net customer adds', () => {
  it('one of three required adds earns 10 of 30 points', () => {
    const customers = [associated('PAL', { '2024-05': acr('infrastructure', 10), '2025-05': acr('infrastructure', 1000) })];
    const result = metric({ customers }, 'infrastructure', 'netCustomerAdds');
    expect(result.value).toBe(1);
    expect(result.points).toBe(10);
    expect(result.contributors).toEqual([
      expect.objectContaining({
        type: 'customer',
        id: customers[0]!.customerId,
        contribution: 1,
        months: [
          { month: '2024-05', value: 10 },
          { month: '2025-05', value: 1000 },
        ],
      }),
    ]);
    expect(result.toFullPoints).toBe('2 more net customer adds');
  });

  it('sums all services of the area in a month, and ignores other areas', () => {
    const customers = [
      associated('PAL', {
        '2025-05': {
          azureServices: [
            { name: 'Virtual Machines', area: 'infrastructure', acrUsd: 600 },
            { name: 'Azure Firewall', area: 'infrastructure', acrUsd: 400 },
            { name: 'Azure SQL Database', area: 'dataAi', acrUsd: 5000 },
          ],
        },
      }),
    ];
    expect(metric({ customers }, 'infrastructure', 'netCustomerAdds').value).toBe(1);
    expect(metric({ customers }, 'dataAi', 'netCustomerAdds').value).toBe(1);
    expect(metric({ customers }, 'digitalAppInnovation', 'netCustomerAdds').value).toBe(0);
  });

  it('net adds go negative when more customers drop below the threshold than rise above it, and earn 0 points', () => {
    const customers = [1, 2].map(() => associated('CSP', { '2024-05': acr('dataAi', 2000), '2025-05': acr('dataAi', 500) }));
    const result = metric({ customers }, 'dataAi', 'netCustomerAdds');
    expect(result.value).toBe(-2);
    expect(result.points).toBe(0);
    expect(result.contributors.map((c) => c.contribution)).toEqual([-1, -1]);
    expect(result.toFullPoints).toBe('3 more net customer adds');
  });

  // Seed 003: Net Customer Adds 計算方法: (前月対象顧客 − 前年同月対象顧客) × 10ポイント — qualifying
  // customers in M minus qualifying customers in Y, each month counted on its own associations.
  it('(前月対象顧客 − 前年同月対象顧客): a customer associated only after Y that qualifies in M adds 1', () => {
    const joined = customer({
      associations: [{ type: 'PAL', from: '2024-09-20' }],
      months: { '2024-05': acr('infrastructure', 5000), '2024-09': acr('infrastructure', 1500), '2025-05': acr('infrastructure', 1500) },
    });
    const result = metric({ customers: [joined] }, 'infrastructure', 'netCustomerAdds');
    expect(result.value).toBe(1);
    expect(result.points).toBe(10);
    expect(byMonth(result.contributors[0]!.months)).toEqual({ '2024-05': 5000, '2025-05': 1500 });
    expect(result.contributors[0]!.note).toContain('no eligible association then');
  });

  it('(前月対象顧客 − 前年同月対象顧客): a customer that qualified in Y and has lost its association by M subtracts 1', () => {
    const ended = customer({
      associations: [{ type: 'PAL', from: '2020-01-01', to: '2025-04-30' }],
      months: { '2024-05': acr('infrastructure', 5000), '2025-05': acr('infrastructure', 5000) },
    });
    const result = metric({ customers: [ended] }, 'infrastructure', 'netCustomerAdds');
    expect(result.value).toBe(-1);
    expect(result.contributors[0]!.note).toContain('no eligible association now');
  });

  it('(前月対象顧客 − 前年同月対象顧客): a customer that qualified in Y and fell below the threshold in M subtracts 1', () => {
    const fell = associated('DPOR', { '2024-05': acr('infrastructure', 1000), '2025-05': acr('infrastructure', 999.99) });
    expect(metric({ customers: [fell] }, 'infrastructure', 'netCustomerAdds').value).toBe(-1);
  });

  it('a customer with no eligible association in either M or Y is not counted, whatever its ACR', () => {
    const between = customer({
      associations: [{ type: 'PAL', from: '2024-07-01', to: '2025-02-28' }],
      months: { '2024-05': acr('infrastructure', 5000), '2025-05': acr('infrastructure', 5000) },
    });
    expect(metric({ customers: [between] }, 'infrastructure', 'netCustomerAdds').value).toBe(0);
  });

  it('an association ending on the first day of M still counts M (days are inclusive)', () => {
    const lastDay = customer({
      associations: [{ type: 'PAL', from: '2020-01-01', to: '2025-05-01' }],
      months: { '2025-05': acr('infrastructure', 1000) },
    });
    expect(metric({ customers: [lastDay] }, 'infrastructure', 'netCustomerAdds').value).toBe(1);
  });

  it('PAL associations of customers in China never count; their DPOR does', () => {
    const months = { '2025-05': acr('infrastructure', 3000) };
    const pal = associated('PAL', months, { country: 'CN' });
    const dpor = associated('DPOR', months, { country: 'CN' });
    expect(metric({ customers: [pal] }, 'infrastructure', 'netCustomerAdds').value).toBe(0);
    expect(metric({ customers: [dpor] }, 'infrastructure', 'netCustomerAdds').value).toBe(1);
  });

  it('CPOR is not an eligible association for Azure areas', () => {
    const cpor = associated('CPOR', { '2025-05': acr('infrastructure', 3000) });
    expect(metric({ customers: [cpor] }, 'infrastructure', 'netCustomerAdds').value).toBe(0);
  });
});

describe('Azure usage growth', () => {
  it('is 0 when the baseline sum is 0', () => {
    const customers = [associated('PAL', { '2025-05': acr('digitalAppInnovation', 5000) })];
    const result = metric({ customers }, 'digitalAppInnovation', 'usageGrowth');
    expect(result.value).toBe(0);
    expect(result.points).toBe(0);
  });

  it('compares M with each customer’s own baseline month and caps at 20 points', () => {
    const customers = [
      associated('PAL', { '2024-05': acr('dataAi', 1000), '2025-05': acr('dataAi', 1100) }),
      customer({
        associations: [{ type: 'DPOR', from: '2024-11-01' }],
        months: { '2024-11': acr('dataAi', 1000), '2025-05': acr('dataAi', 1500) },
      }),
    ];
    const result = metric({ customers }, 'dataAi', 'usageGrowth');
    expect(result.value).toBeCloseTo(30, 12); // (2600 − 2000) / 2000
    expect(result.points).toBe(20);
    expect(result.contributors.map((c) => c.contribution)).toEqual([5, 25]);
  });

  it('a shrinking area earns 0 points', () => {
    const customers = [associated('PAL', { '2024-05': acr('infrastructure', 1000), '2025-05': acr('infrastructure', 800) })];
    const result = metric({ customers }, 'infrastructure', 'usageGrowth');
    expect(result.value).toBeCloseTo(-20, 12);
    expect(result.points).toBe(0);
  });
});

describe('Azure deployments', () => {
  it('counts distinct services with ACR in T, not virtual machines, production customers only, 2 points each', () => {
    const service = (name: string, acrUsd = 10) => ({ name, area: 'infrastructure' as const, acrUsd });
    const customers = [
      associated('PAL', {
        '2024-05': { azureServices: [service('Azure Bastion')] }, // before T
        '2024-06': { azureServices: [service('Azure Firewall'), service('Virtual Machines'), service('Virtual Machines Licenses')] },
        '2025-05': { azureServices: [service('Azure Firewall'), service('Azure Backup'), service('Azure Monitor', 0)] },
      }),
      associated('CSP', { '2024-12': { azureServices: [service('Azure Backup'), service('Azure ExpressRoute')] } }),
      associated('PAL', { '2024-12': { azureServices: [service('Azure DNS')] } }, { production: false }),
    ];
    const result = metric({ customers }, 'infrastructure', 'deployments');
    expect(result.contributors.map((c) => c.id).sort()).toEqual(['Azure Backup', 'Azure ExpressRoute', 'Azure Firewall']);
    expect(result.value).toBe(3);
    expect(result.points).toBe(6);
    expect(byMonth(result.contributors.find((c) => c.id === 'Azure Backup')!.months)).toEqual({ '2024-12': 10, '2025-05': 10 });
  });
});

describe('Data & AI and Digital & App Innovation deployments', () => {
  it('count only their own area’s services: 3 Data & AI services earn 6 points, 1 app service earns 2', () => {
    const customers = [
      associated('DPOR', {
        '2024-07': {
          azureServices: [
            { name: 'Azure SQL Database', area: 'dataAi', acrUsd: 50 },
            { name: 'Azure App Service', area: 'digitalAppInnovation', acrUsd: 20 },
          ],
        },
        '2025-02': {
          azureServices: [
            { name: 'Azure Synapse Analytics', area: 'dataAi', acrUsd: 1 },
            { name: 'Azure Cosmos DB', area: 'dataAi', acrUsd: 5 },
          ],
        },
      }),
    ];
    const dataAi = metric({ customers }, 'dataAi', 'deployments');
    expect(dataAi.contributors.map((c) => c.id)).toEqual(['Azure SQL Database', 'Azure Synapse Analytics', 'Azure Cosmos DB']);
    expect(dataAi.points).toBe(6);
    expect(dataAi.toFullPoints).toBe('2 more deployed services');
    const apps = metric({ customers }, 'digitalAppInnovation', 'deployments');
    expect(apps.contributors.map((c) => c.id)).toEqual(['Azure App Service']);
    expect(apps.points).toBe(2);
  });
});

describe('Azure skilling', () => {
  it('counts people holding any intermediate certification once, 4 points each, with the admin gate met', () => {
    const team = [
      ...people(2, [ADMIN]),
      ...people(1, ['azure-network-engineer-associate', 'windows-server-hybrid-administrator-associate']),
    ];
    const result = metric({ people: team }, 'infrastructure', 'intermediateCertifications');
    expect(result.value).toBe(3);
    expect(result.points).toBe(12);
    expect(result.gate).toMatchObject({ passed: true, requirements: [{ certification: ADMIN, atLeastPeople: 2, people: 2 }] });
  });

  it('a failed gate gives 0 points and says why', () => {
    const team = [...people(1, [ADMIN]), ...people(4, ['azure-network-engineer-associate'])];
    const result = metric({ people: team }, 'infrastructure', 'intermediateCertifications');
    expect(result.value).toBe(5);
    expect(result.points).toBe(0);
    expect(result.gate).toMatchObject({ passed: false, reason: `needs 2 people holding ${ADMIN}, has 1` });
    expect(result.toFullPoints).toBe(`1 more person holding ${ADMIN}`);
  });

  it('advanced: the architect gate, and the same person counts for intermediate and advanced', () => {
    const team = people(2, [ADMIN, ARCHITECT]);
    expect(metric({ people: team }, 'digitalAppInnovation', 'intermediateCertifications').value).toBe(2);
    const advanced = metric(
      { people: [...team, ...people(1, ['devops-engineer-expert'])] },
      'digitalAppInnovation',
      'advancedCertifications',
    );
    expect(advanced.value).toBe(3);
    expect(advanced.points).toBe(12);
  });
});

describe('rule sets 2022-10 and 2024-07 differ for Data & AI only', () => {
  const team = [...people(2, [ADMIN, ARCHITECT]), ...people(3, ['azure-data-engineer-associate'])];

  it('2022-10 (as of 2024-06-30): 5 intermediate people earn 20 of 20, and there is an advanced metric', () => {
    const m = metric({ people: team }, 'dataAi', 'intermediateCertifications', '2024-06-30');
    expect([m.value, m.points, m.maxPoints]).toEqual([5, 20, 20]);
    expect(metric({ people: team }, 'dataAi', 'advancedCertifications', '2024-06-30').points).toBe(8);
  });

  it('2024-07 (as of 2024-07-01): the same 5 people earn 20 of 40, with no advanced metric', () => {
    const m = metric({ people: team }, 'dataAi', 'intermediateCertifications', '2024-07-01');
    expect([m.value, m.points, m.maxPoints]).toEqual([5, 20, 40]);
    expect(() => metric({ people: team }, 'dataAi', 'advancedCertifications', '2024-07-01')).toThrow(/no metric/);
  });

  it('2024-07 gates Data & AI skilling on two architects too', () => {
    const noArchitects = [...people(2, [ADMIN]), ...people(8, ['azure-ai-engineer-associate'])];
    const m = metric({ people: noArchitects }, 'dataAi', 'intermediateCertifications', '2024-07-01');
    expect(m.points).toBe(0);
    expect(m.gate?.reason).toBe(`needs 2 people holding ${ARCHITECT}, has 0`);
  });

  it('infrastructure is the same under both', () => {
    const a = metric({ people: team }, 'infrastructure', 'intermediateCertifications', '2024-06-30');
    const b = metric({ people: team }, 'infrastructure', 'intermediateCertifications', '2024-07-01');
    expect(a.points).toBe(b.points);
  });
});

describe('months across a year end', () => {
  it('as of 2025-01-10, M is 2024-12 and Y is 2023-12', () => {
    const customers = [
      associated('PAL', {
        '2023-12': acr('infrastructure', 100),
        '2024-12': acr('infrastructure', 1000),
        '2025-01': acr('infrastructure', 0),
      }),
    ];
    const result = metric({ customers }, 'infrastructure', 'netCustomerAdds', '2025-01-10');
    expect(result.value).toBe(1);
    expect(byMonth(result.contributors[0]!.months)).toEqual({ '2023-12': 100, '2024-12': 1000 });
  });

  it('deployments over T = 2024-01..2024-12 as of 2025-01-01', () => {
    const customers = [
      associated('PAL', {
        ...monthsFrom('2023-12', '2023-12', acr('infrastructure', 5, 'Old')),
        '2024-01': acr('infrastructure', 5, 'New'),
      }),
    ];
    expect(metric({ customers }, 'infrastructure', 'deployments', '2025-01-01').contributors.map((c) => c.id)).toEqual(['New']);
  });
});
