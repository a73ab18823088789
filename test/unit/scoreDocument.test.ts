import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOLUTION_AREAS } from '../../shared/model/primitives.js';
import { toScoreDocument } from '../../shared/scoring/index.js';
import { scoreFileText } from '../../shared/cli/scoreFile.js';
import { associated, people, score } from './builders.js';

describe('the score document', () => {
  it('has all six areas, each with exactly its own metrics, and the as-of, rule set and evaluation month', () => {
    const doc = toScoreDocument(score({}, '2025-06-15'));
    expect(doc).toMatchObject({ partnerId: 'p1', asOf: '2025-06-15', ruleSet: '2024-07', evaluationMonth: '2025-05' });
    expect(Object.keys(doc.areas)).toEqual([...SOLUTION_AREAS]);
    expect(Object.keys(doc.areas.dataAi.metrics)).toEqual(['netCustomerAdds', 'intermediateCertifications', 'usageGrowth', 'deployments']);
    expect(Object.keys(doc.areas.security.metrics)).toEqual([
      'netCustomerAdds',
      'intermediateCertifications',
      'deployments',
      'usageGrowth',
    ]);
    expect(Object.keys(doc.areas.modernWork.metrics)).toEqual([
      'netCustomerAdds',
      'intermediateCertifications',
      'advancedCertifications',
      'usageGrowth',
      'deployments',
    ]);
  });

  it('rounds score and points to two decimals but qualifies on the exact numbers', () => {
    const team = people(1, [
      'm365-security-administrator-associate',
      'azure-security-engineer-associate',
      'identity-and-access-administrator-associate',
    ]);
    const exact = score({ people: team }, '2023-06-15');
    const doc = toScoreDocument(exact);
    expect(exact.areas.security.metrics.intermediateCertifications!.points).toBeCloseTo(40 / 6, 14);
    expect(doc.areas.security.metrics.intermediateCertifications!.points).toBe(6.67);
    expect(doc.areas.security.score).toBe(6.67);
  });

  it('explains a non-qualifying area in words and what each metric lacks', () => {
    const doc = toScoreDocument(score({ customers: [associated('CPOR', { '2024-05': { paidSeats: 10 }, '2025-05': { paidSeats: 30 } })] }));
    const mw = doc.areas.modernWork;
    expect(mw.qualifies).toBe(false);
    // 10 → 30 seats is an SMB-sized tenant added (11–300 licences): 2 of 20 points on the SMB path, none on Enterprise.
    expect(mw.path).toBe('smb');
    expect(mw.paths).toEqual({ enterprise: 0, smb: 2 });
    expect(mw.shortfall).toEqual([
      'score 2.00 is below 70',
      'intermediateCertifications has 0.00 points; every metric needs at least 1',
      'advancedCertifications has 0.00 points; every metric needs at least 1',
      'usageGrowth has 0.00 points; every metric needs at least 1',
      'deployments has 0.00 points; every metric needs at least 1',
    ]);
    expect(mw.metrics.netCustomerAdds!.toFullPoints).toBe('9 more net customer adds');
    expect(mw.metrics.advancedCertifications!.toFullPoints).toBe('1 more person with an advanced certification');
    expect(mw.metrics.netCustomerAdds!.gate).toBeNull();
  });

  it('names a failed gate in the shortfall', () => {
    const doc = toScoreDocument(score({ people: people(5, ['azure-network-engineer-associate']) }));
    expect(doc.areas.infrastructure.shortfall).toContain(
      'intermediateCertifications has 0.00 points; every metric needs at least 1 (gate not met: needs 2 people holding azure-administrator-associate, has 0)',
    );
  });
});

describe('the sample partner file', () => {
  const text = readFileSync(new URL('../../local/demo/contoso-jp.json', import.meta.url), 'utf8');

  it('scores all six areas with explanations, some qualifying and some not', () => {
    const outcome = scoreFileText(text, '2025-06-15');
    if (!outcome.ok) throw new Error(outcome.message);
    const areas = Object.values(outcome.document.areas);
    expect(areas).toHaveLength(6);
    expect(areas.some((a) => a.qualifies)).toBe(true);
    expect(areas.some((a) => !a.qualifies && a.shortfall.length > 0)).toBe(true);
    for (const area of areas)
      for (const m of Object.values(area.metrics))
        expect(m.points === m.maxPoints ? m.toFullPoints === null || m.gate !== null : typeof m.toFullPoints === 'string').toBe(true);
    expect(outcome.document.areas.infrastructure.metrics.deployments!.contributors.length).toBeGreaterThan(0);
  });
});
