import { describe, expect, it } from 'vitest';
import certifications from '../../rules/certifications.json' with { type: 'json' };
import ruleSet2022 from '../../rules/ruleSets/2022-10.json' with { type: 'json' };
import ruleSet2024 from '../../rules/ruleSets/2024-07.json' with { type: 'json' };
import { rules, ruleSetFor } from '../../rules/index.js';
import { loadRules, NoRuleSetError, RuleFileError } from '../../rules/load.js';
import { SOLUTION_AREAS } from '../../shared/model/primitives.js';
import { score } from './builders.js';

const clone = <T>(x: T): T => structuredClone(x);
const files = (first: unknown, second: unknown = ruleSet2024) => ({ 'rules/ruleSets/2022-10.json': first, 'rules/ruleSets/2024-07.json': second });

describe('rule sets', () => {
  it('ship 2022-10 from 2022-10-03 and 2024-07 from 2024-07-01, every area at 100 points', () => {
    expect(rules.ruleSets.map((r) => [r.id, r.effectiveFrom])).toEqual([
      ['2022-10', '2022-10-03'],
      ['2024-07', '2024-07-01'],
    ]);
    for (const ruleSet of rules.ruleSets) {
      for (const area of SOLUTION_AREAS) expect(ruleSet.areas[area].metrics.reduce((s, m) => s + m.maxPoints, 0)).toBe(100);
    }
  });

  it('the rule set in force is the latest effective on or before the date', () => {
    expect(ruleSetFor('2022-10-03').id).toBe('2022-10');
    expect(ruleSetFor('2024-06-30').id).toBe('2022-10');
    expect(ruleSetFor('2024-07-01').id).toBe('2024-07');
    expect(ruleSetFor('2030-01-01').id).toBe('2024-07');
  });

  it('an as-of date before 2022-10-03 is refused with a clear error', () => {
    expect(() => ruleSetFor('2022-10-02')).toThrow(NoRuleSetError);
    expect(() => score({}, '2022-10-02')).toThrow('no rule set is in force on 2022-10-02: Solutions Partner scoring starts on 2022-10-03');
  });

  it('2024-07 inherits every area but Data & AI from 2022-10', () => {
    const [a, b] = rules.ruleSets;
    for (const area of SOLUTION_AREAS.filter((x) => x !== 'dataAi')) expect(b!.areas[area]).toEqual(a!.areas[area]);
    expect(b!.areas.dataAi).not.toEqual(a!.areas.dataAi);
  });

  it('every certification in the catalogue is used by some rule', () => {
    const used = new Set(rules.ruleSets.flatMap((r) => Object.values(r.areas).flatMap((a) => a.metrics.flatMap((m) => [...(m.gate ?? []).map((g) => g.certification), ...m.parts.flatMap((p) => (p.kind === 'peopleHolding' ? p.requires.flat() : []))]))));
    expect(rules.certifications.map((c) => c.id).filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('a malformed rule file fails loudly, naming the place', () => {
  it('a wrong type', () => {
    const bad = clone(ruleSet2022) as any;
    bad.areas.security.metrics[0].target = 'ten';
    expect(() => loadRules(files(bad), certifications)).toThrow('rules/ruleSets/2022-10.json: areas.security.metrics[0].target: Invalid input: expected number, received string');
  });

  it('an unknown metric kind', () => {
    const bad = clone(ruleSet2022) as any;
    bad.areas.modernWork.metrics[3].parts[0].kind = 'magic';
    expect(() => loadRules(files(bad), certifications)).toThrow(/rules\/ruleSets\/2022-10.json: areas.modernWork.metrics\[3\].parts\[0\].kind/);
  });

  it('an unknown certification', () => {
    const bad = clone(ruleSet2022) as any;
    bad.areas.infrastructure.metrics[1].parts[0].requires[0].push('azure-wizard-expert');
    expect(() => loadRules(files(bad), certifications)).toThrow('rules/ruleSets/2022-10.json: areas.infrastructure.metrics[1]: unknown certification azure-wizard-expert');
  });

  it('an area whose points do not add up to 100', () => {
    const bad = clone(ruleSet2024) as any;
    bad.areas.dataAi.metrics[0].maxPoints = 31;
    expect(() => loadRules(files(ruleSet2022, bad), certifications)).toThrow('rules/ruleSets/2024-07.json: areas.dataAi: maxPoints add up to 101, not 100');
  });

  it('extends a rule set that does not exist', () => {
    const bad = { ...clone(ruleSet2024), extends: '2021-01' };
    expect(() => loadRules(files(ruleSet2022, bad), certifications)).toThrow(RuleFileError);
  });

  it('a measure of Azure ACR without an area', () => {
    const bad = clone(ruleSet2022) as any;
    delete bad.areas.infrastructure.metrics[0].parts[0].measure.area;
    expect(() => loadRules(files(bad), certifications)).toThrow('areas.infrastructure.metrics[0].parts[0].measure.area: area is required with field azureAcr and only then');
  });
});
