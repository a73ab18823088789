import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleSetFor } from '../../rules/index.js';
import { SOLUTION_AREAS } from '../../shared/model/primitives.js';
import { scorePartner } from '../../shared/scoring/index.js';
import { TOLERANCE } from '../../shared/scoring/points.js';
import { helpfulCustomer, person, scenario, smbTenant } from './arbitraries.js';

const scoreOf = (s: { facts: Parameters<typeof scorePartner>[0]; asOf: string }) => scorePartner(s.facts, ruleSetFor(s.asOf), s.asOf);
const RUNS = { numRuns: 300 };

describe('scoring invariants', () => {
  it('points lie within [0, maxPoints] and an area score is the sum of its points', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = scoreOf(s);
        for (const area of SOLUTION_AREAS) {
          const metrics = Object.values(result.areas[area].metrics);
          for (const m of metrics) {
            expect(m.points).toBeGreaterThanOrEqual(0);
            expect(m.points).toBeLessThanOrEqual(m.maxPoints);
          }
          expect(result.areas[area].score).toBeCloseTo(
            metrics.reduce((sum, m) => sum + m.points, 0),
            9,
          );
          expect(result.areas[area].score).toBeLessThanOrEqual(100 + TOLERANCE);
        }
      }),
      RUNS,
    );
  });

  it('qualifying implies a score of at least 70 and at least 1 point in every metric', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const area of Object.values(scoreOf(s).areas)) {
          if (!area.qualifies) continue;
          expect(area.score).toBeGreaterThanOrEqual(70 - TOLERANCE);
          for (const m of Object.values(area.metrics)) expect(m.points).toBeGreaterThanOrEqual(1 - TOLERANCE);
        }
      }),
      RUNS,
    );
  });

  it('adding a person never lowers a score', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => fc.tuple(fc.constant(s), person('newcomer'))),
        ([s, newcomer]) => {
          const before = scoreOf(s);
          const after = scoreOf({ ...s, facts: { ...s.facts, people: [...s.facts.people, newcomer] } });
          for (const area of SOLUTION_AREAS) expect(after.areas[area].score).toBeGreaterThanOrEqual(before.areas[area].score - TOLERANCE);
        },
      ),
      RUNS,
    );
  });

  it('adding a customer with nothing at baseline and only new usage after never lowers a score', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => fc.tuple(fc.constant(s), helpfulCustomer(s.asOf, scoreOf(s).areas.infrastructure.track ?? 'enterprise'))),
        ([s, newcomer]) => {
          const before = scoreOf(s);
          const after = scoreOf({ ...s, facts: { ...s.facts, customers: [...s.facts.customers, newcomer] } });
          for (const area of SOLUTION_AREAS) expect(after.areas[area].score).toBeGreaterThanOrEqual(before.areas[area].score - TOLERANCE);
        },
      ),
      RUNS,
    );
  });

  it('an area scored on two paths keeps the better: its score is at least each path’s total', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const area of Object.values(scoreOf(s).areas)) {
          if (!area.paths) continue;
          expect(area.score).toBeGreaterThanOrEqual(area.paths.enterprise - TOLERANCE);
          expect(area.score).toBeGreaterThanOrEqual(area.paths.smb - TOLERANCE);
          expect(area.score).toBe(area.paths[area.path!]);
        }
      }),
      RUNS,
    );
  });

  it('adding an eligible SMB tenant never lowers an SMB path (Modern Work; Security from 2025-07)', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) => fc.tuple(fc.constant(s), smbTenant(s.asOf))),
        ([s, tenant]) => {
          const before = scoreOf(s);
          const after = scoreOf({ ...s, facts: { ...s.facts, customers: [...s.facts.customers, tenant] } });
          for (const area of SOLUTION_AREAS) {
            const smbBefore = before.areas[area].paths?.smb;
            if (smbBefore === undefined) continue;
            expect(after.areas[area].paths!.smb).toBeGreaterThanOrEqual(smbBefore - TOLERANCE);
          }
        },
      ),
      RUNS,
    );
  });

  it('the score is a pure function: the same facts and date give the same document', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(scoreOf(structuredClone(s))).toEqual(scoreOf(s));
      }),
      { numRuns: 50 },
    );
  });
});
