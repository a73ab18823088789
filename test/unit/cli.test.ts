import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scoreFileText } from '../../shared/cli/scoreFile.js';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const partner = { partnerId: 'p1', name: 'Contoso', country: 'JP' };

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'shared/cli/score.ts', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('scoring a file', () => {
  it('names the place of an invalid month', () => {
    const text = JSON.stringify({
      partner,
      customers: [0, 1, 2, 3].map((i) => ({
        customerId: `c${i}`,
        idType: 'tenant',
        country: 'JP',
        production: true,
        associations: [],
        months: i === 3 ? { '2024-13': {} } : {},
      })),
    });
    expect(scoreFileText(text, '2025-06-15')).toEqual({ ok: false, message: 'customers[3].months.2024-13: invalid month' });
  });

  it('names every misfit field', () => {
    const text = JSON.stringify({
      partner: { ...partner, country: 'Japan' },
      people: [{ personId: 'u1', linkedOn: '2023-02-29', certifications: [] }],
    });
    const outcome = scoreFileText(text, '2025-06-15');
    expect(outcome).toEqual({
      ok: false,
      message: 'partner.country: expected an ISO 3166-1 alpha-2 country code such as JP\npeople[0].linkedOn: invalid date',
    });
  });

  it('names the place of a month holding both Business Applications shapes, and accepts segments and workloads', () => {
    const file = (bizApps: unknown) =>
      JSON.stringify({
        partner,
        customers: [
          {
            customerId: 'c1',
            idType: 'tenant',
            country: 'JP',
            production: true,
            segment: 'smb',
            associations: [],
            months: { '2025-05': { bizApps } },
          },
        ],
      });
    expect(scoreFileText(file({ mcv: 5, workloads: [{ workload: 'Sales' }] }), '2025-06-15')).toEqual({
      ok: false,
      message: 'customers[0].months.2025-05.bizApps.workloads: a month holds either workloads or the old revenueUsd/mcv totals, not both',
    });
    expect(scoreFileText(file({ workloads: [{ workload: 'Sales', revenueUsd: 2000, units: 10 }] }), '2025-06-15')).toMatchObject({
      ok: true,
    });
  });

  it('refuses a customer or a person listed twice (each counts once), and a __proto__ key anywhere', () => {
    const customer = { customerId: 'c1', idType: 'tenant', country: 'JP', production: true, associations: [] };
    const twice = JSON.stringify({
      partner,
      customers: [customer, customer],
      people: [1, 2].map(() => ({ personId: 'u1', linkedOn: '2024-01-01' })),
    });
    expect(scoreFileText(twice, '2025-06-15')).toEqual({
      ok: false,
      message: 'customers[1].customerId: customer c1 appears more than once\npeople[1].personId: person u1 appears more than once',
    });
    const proto = `{"partner": ${JSON.stringify(partner)}, "customers": [{"customerId": "c1", "idType": "tenant", "country": "JP", "production": true, "associations": [], "months": {"__proto__": {"paidSeats": 1}}}]}`;
    expect(scoreFileText(proto, '2025-06-15')).toEqual({ ok: false, message: 'a key named __proto__ is not allowed anywhere in the JSON' });
  });

  it('refuses a date before the first rule set', () => {
    expect(scoreFileText(JSON.stringify({ partner }), '2022-10-02')).toMatchObject({
      ok: false,
      message: expect.stringContaining('no rule set is in force on 2022-10-02'),
    });
  });

  it('refuses text that is not JSON', () => {
    expect(scoreFileText('{', '2025-06-15')).toMatchObject({ ok: false, message: expect.stringMatching(/^not valid JSON/) });
  });
});

describe('npm run score', () => {
  it('prints the score document of the sample file', async () => {
    const { code, stdout } = await cli('local/demo/contoso-jp.json', '--as-of', '2025-06-15');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc).toMatchObject({ partnerId: 'contoso-jp', asOf: '2025-06-15', ruleSet: '2024-07', evaluationMonth: '2025-05' });
    expect(Object.keys(doc.areas)).toHaveLength(6);
  });

  it('exits 2 naming the place when the file does not fit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'score-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        partner,
        customers: [
          { customerId: 'c1', idType: 'tenant', country: 'JP', production: true, associations: [{ type: 'XYZ', from: '2024-01-01' }] },
        ],
      }),
    );
    const { code, stderr, stdout } = await cli(file, '--as-of', '2025-06-15');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}: customers[0].associations[0].type: Invalid option: expected one of "CPOR"|"PAL"|"DPOR"|"CSP"`);
  });

  it('scores a file under each of the four rule sets by its as-of date', async () => {
    for (const [asOf, ruleSet] of [
      ['2023-06-15', '2022-10'],
      ['2024-03-15', '2023-12'],
      ['2025-06-15', '2024-07'],
      ['2025-09-15', '2025-07'],
    ]) {
      const { code, stdout } = await cli('local/demo/contoso-jp.json', '--as-of', asOf!);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({ asOf, ruleSet });
    }
  });

  it('exits 2 on a missing file or a bad --as-of', async () => {
    expect((await cli('no-such-file.json')).code).toBe(2);
    const bad = await cli('local/demo/contoso-jp.json', '--as-of', '2025-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of: invalid date');
  });
});
