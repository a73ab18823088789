import { describe, expect, it } from 'vitest';
import certifications from '../../rules/certifications.json' with { type: 'json' };
import ruleSet2022 from '../../rules/ruleSets/2022-10.json' with { type: 'json' };
import ruleSet2023 from '../../rules/ruleSets/2023-12.json' with { type: 'json' };
import ruleSet2024 from '../../rules/ruleSets/2024-07.json' with { type: 'json' };
import ruleSet2025 from '../../rules/ruleSets/2025-07.json' with { type: 'json' };
import workloads from '../../rules/workloads.json' with { type: 'json' };
import { rules, ruleSetFor } from '../../rules/index.js';
import { certificationsOf, loadRules, NoRuleSetError, RuleFileError } from '../../rules/load.js';
import { variantsOf } from '../../rules/schema.js';
import { SOLUTION_AREAS } from '../../shared/model/primitives.js';
import { score } from './builders.js';

const clone = <T>(x: T): T => structuredClone(x);
/** A copy to break on purpose: any field may be set to anything. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const malformed = (x: unknown): any => structuredClone(x);
const files = (over: Partial<Record<'2022' | '2023' | '2024' | '2025', unknown>> = {}) => ({
  'rules/ruleSets/2022-10.json': over['2022'] ?? ruleSet2022,
  'rules/ruleSets/2023-12.json': over['2023'] ?? ruleSet2023,
  'rules/ruleSets/2024-07.json': over['2024'] ?? ruleSet2024,
  'rules/ruleSets/2025-07.json': over['2025'] ?? ruleSet2025,
});
const load = (over: Parameters<typeof files>[0] = {}, workloadCatalogue: unknown = workloads) =>
  loadRules(files(over), certifications, workloadCatalogue);

describe('rule sets', () => {
  it('ship 2022-10, 2023-12, 2024-07 and 2025-07 (its date assumed), every area, path and track at 100 points', () => {
    expect(rules.ruleSets.map((r) => [r.id, r.effectiveFrom, r.effectiveFromAssumed])).toEqual([
      ['2022-10', '2022-10-03', false],
      ['2023-12', '2023-12-01', false],
      ['2024-07', '2024-07-01', false],
      ['2025-07', '2025-07-01', true],
    ]);
    for (const ruleSet of rules.ruleSets) {
      for (const area of SOLUTION_AREAS)
        for (const variant of variantsOf(ruleSet.areas[area])) expect(variant.metrics.reduce((s, m) => s + m.maxPoints, 0)).toBe(100);
    }
  });

  it('the rule set in force is the latest effective on or before the date, 2025-06-30 / 2025-07-01 included', () => {
    expect(ruleSetFor('2022-10-03').id).toBe('2022-10');
    expect(ruleSetFor('2023-11-30').id).toBe('2022-10');
    expect(ruleSetFor('2023-12-01').id).toBe('2023-12');
    expect(ruleSetFor('2024-06-30').id).toBe('2023-12');
    expect(ruleSetFor('2024-07-01').id).toBe('2024-07');
    expect(ruleSetFor('2025-06-30').id).toBe('2024-07');
    expect(ruleSetFor('2025-07-01').id).toBe('2025-07');
    expect(ruleSetFor('2030-01-01').id).toBe('2025-07');
  });

  it('an as-of date before 2022-10-03 is refused with a clear error', () => {
    expect(() => ruleSetFor('2022-10-02')).toThrow(NoRuleSetError);
    expect(() => score({}, '2022-10-02')).toThrow('no rule set is in force on 2022-10-02: Solutions Partner scoring starts on 2022-10-03');
  });

  it('rule sets chain: 2023-12 changes Security only, 2024-07 Data & AI only (keeping 2023-12 Security), 2025-07 every area', () => {
    const [r22, r23, r24, r25] = rules.ruleSets;
    for (const area of SOLUTION_AREAS.filter((x) => x !== 'security')) expect(r23!.areas[area]).toEqual(r22!.areas[area]);
    expect(r23!.areas.security).not.toEqual(r22!.areas.security);
    for (const area of SOLUTION_AREAS.filter((x) => x !== 'dataAi')) expect(r24!.areas[area]).toEqual(r23!.areas[area]);
    for (const area of SOLUTION_AREAS) expect(r25!.areas[area]).not.toEqual(r24!.areas[area]);
  });

  it('each rule set names its sources, its own first, then those it inherits', () => {
    const [r22, r23, , r25] = rules.ruleSets;
    expect(r22!.sources.map((s) => s.page)).toContain('learn-2023/modern-work.md');
    expect(r23!.sources[0]).toEqual({
      page: 'learn-2023/security.md',
      section: 'Skilling category: Changes effective from December 1, 2023',
    });
    expect(r23!.sources).toEqual(expect.arrayContaining(r22!.sources));
    expect(r25!.sources.slice(0, 4).map((s) => s.page)).toEqual([
      'learn-2026/azure.md',
      'learn-2026/business-applications.md',
      'learn-2026/modern-work.md',
      'learn-2026/security.md',
    ]);
  });

  it("retired certifications count until each page generation's date", () => {
    const [r22, , , r25] = rules.ruleSets;
    expect(r22!.countsUntil['m365-security-administrator-associate']).toBe('2024-06-30');
    expect(r22!.countsUntil['power-platform-app-maker-associate']).toBe('2023-11-30');
    expect(r22!.countsUntil['dynamics-365-customer-service-functional-consultant-associate']).toBe('2024-06-30');
    expect(r25!.countsUntil['dynamics-365-customer-service-functional-consultant-associate']).toBeUndefined();
    expect(r25!.countsUntil['m365-fundamentals']).toBe('2027-03-31');
  });

  it('every certification in the catalogue is used by some rule', () => {
    const used = new Set(
      rules.ruleSets.flatMap((r) =>
        Object.values(r.areas).flatMap((a) => variantsOf(a).flatMap((v) => v.metrics.flatMap(certificationsOf))),
      ),
    );
    expect(rules.certifications.map((c) => c.id).filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('a malformed rule file fails loudly, naming the place', () => {
  it('a wrong type', () => {
    const bad = malformed(ruleSet2022);
    bad.areas.security.metrics[0].target = 'ten';
    expect(() => load({ '2022': bad })).toThrow('rules/ruleSets/2022-10.json: areas.security');
  });

  it('an unknown metric kind', () => {
    const bad = malformed(ruleSet2022);
    bad.areas.infrastructure.metrics[3].parts[0].kind = 'magic';
    expect(() => load({ '2022': bad })).toThrow(/rules\/ruleSets\/2022-10.json: areas.infrastructure/);
  });

  it('an unknown certification', () => {
    const bad = malformed(ruleSet2022);
    bad.areas.infrastructure.metrics[1].parts[0].requires[0].push('azure-wizard-expert');
    expect(() => load({ '2022': bad })).toThrow(
      'rules/ruleSets/2022-10.json: areas.infrastructure.metrics[1]: unknown certification azure-wizard-expert',
    );
  });

  it('an unknown certification in a path names the path', () => {
    const bad = malformed(ruleSet2025);
    bad.areas.security.paths.smb.metrics[1].gate[0].anyOf.push('security-wizard-expert');
    expect(() => load({ '2025': bad })).toThrow(
      'rules/ruleSets/2025-07.json: areas.security.paths.smb.metrics[1]: unknown certification security-wizard-expert',
    );
  });

  it('an area, or one of its tracks, whose points do not add up to 100', () => {
    const bad = malformed(ruleSet2024);
    bad.areas.dataAi.metrics[0].maxPoints = 31;
    expect(() => load({ '2024': bad })).toThrow('rules/ruleSets/2024-07.json: areas.dataAi: maxPoints add up to 101, not 100');
    const badTrack = malformed(ruleSet2025);
    badTrack.areas.infrastructure.tracks.smb.metrics[4].maxPoints = 9;
    expect(() => load({ '2025': badTrack })).toThrow(
      'rules/ruleSets/2025-07.json: areas.infrastructure.tracks.smb: maxPoints add up to 99, not 100',
    );
  });

  it('extends a rule set that does not exist', () => {
    const bad = { ...clone(ruleSet2024), extends: '2021-01' };
    expect(() => load({ '2024': bad })).toThrow(RuleFileError);
  });

  it('a measure of Azure ACR without an area', () => {
    const bad = malformed(ruleSet2022);
    delete bad.areas.infrastructure.metrics[0].parts[0].measure.area;
    expect(() => load({ '2022': bad })).toThrow('area is required with field azureAcr and only then');
  });

  it('a rate card naming an unknown workload, or a workload that rolls up into another', () => {
    const unknown = malformed(ruleSet2025);
    unknown.bizApps.rateCard[0].workload = 'Dynamics 365 Wizardry';
    expect(() => load({ '2025': unknown })).toThrow('rules/ruleSets/2025-07.json: bizApps: unknown workload Dynamics 365 Wizardry');
    const rolled = malformed(ruleSet2025);
    rolled.bizApps.rateCard[0].workload = 'Sales';
    expect(() => load({ '2025': rolled })).toThrow('Sales rolls up to Customer Engagement and cannot have a rate of its own');
  });

  it('a workload catalogue spelling one name twice', () => {
    const bad = malformed(workloads);
    bad.workloads.push({ name: 'Power Applications', aliases: ['Power App'] });
    expect(() => load({}, bad)).toThrow('rules/workloads.json: Power App names two workloads');
  });
});
