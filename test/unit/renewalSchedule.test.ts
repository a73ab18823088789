import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renewalRules, renewalTerms } from '../../rules/index.js';
import { RenewalTerms } from '../../rules/lifecycleSchema.js';
import { SOLUTION_AREAS, type SolutionArea } from '../../shared/model/primitives.js';
import { applyDailyScores, packageInForce, type Membership } from '../../shared/lifecycle/membership.js';
import {
  applyRenewal,
  checkPayment,
  lapseUnpaid,
  recordPayment,
  renewalRecord,
  type QualifiedDay,
} from '../../shared/lifecycle/renewal.js';
import { monthDaysDue, renewalStepsDue } from '../../shared/lifecycle/schedule.js';
import { planRenewal } from '../../shared/lifecycle/plan.js';

dayjs.extend(utc);

const dayOf = (offset: number) => dayjs.utc('2023-01-01').add(offset, 'day').format('YYYY-MM-DD');
const only = (...areas: SolutionArea[]) =>
  Object.fromEntries(SOLUTION_AREAS.map((a) => [a, areas.includes(a)])) as Record<SolutionArea, boolean>;

describe('which renewal steps are due on a day', () => {
  it('the preview 30 days before A, the renewal on A, the fee check 30 days after', () => {
    expect(renewalStepsDue('2024-11-10', '2025-10-11', renewalTerms)).toEqual([{ step: 'preview', anniversary: '2025-11-10' }]);
    expect(renewalStepsDue('2024-11-10', '2025-11-10', renewalTerms)).toEqual([{ step: 'renew', anniversary: '2025-11-10' }]);
    expect(renewalStepsDue('2024-11-10', '2025-12-10', renewalTerms)).toEqual([{ step: 'feeDue', anniversary: '2025-11-10' }]);
    expect(renewalStepsDue('2024-11-10', '2025-11-11', renewalTerms)).toEqual([]);
  });

  it("the anniversary's first day is its first renewal; nothing is due before it", () => {
    expect(renewalStepsDue('2024-11-10', '2024-11-10', renewalTerms)).toEqual([{ step: 'renew', anniversary: '2024-11-10' }]);
    expect(renewalStepsDue('2024-11-10', '2024-10-11', renewalTerms)).toEqual([{ step: 'preview', anniversary: '2024-11-10' }]);
    expect(renewalStepsDue('2024-11-10', '2023-11-10', renewalTerms)).toEqual([]);
  });

  it('the terms are data: a longer preview lead time moves the preview and nothing else; a malformed file is refused', () => {
    const terms = { ...renewalTerms, previewDaysBefore: 45 };
    expect(renewalStepsDue('2024-11-10', '2025-09-26', terms)).toEqual([{ step: 'preview', anniversary: '2025-11-10' }]);
    expect(renewalStepsDue('2024-11-10', '2025-10-11', terms)).toEqual([]);
    expect(monthDaysDue('2025-09-26', terms)).toContain('11-10');
    expect(RenewalTerms.safeParse({ ...renewalTerms, windowStartMonthsBefore: 12 }).success).toBe(false);
  });

  it('29 February renews on 28 February in other years, and those partners are selected that day', () => {
    expect(renewalStepsDue('2024-02-29', '2025-02-28', renewalTerms)).toEqual([{ step: 'renew', anniversary: '2025-02-28' }]);
    expect(renewalStepsDue('2024-02-29', '2028-02-28', renewalTerms)).toEqual([]);
    expect(renewalStepsDue('2024-02-29', '2028-02-29', renewalTerms)).toEqual([{ step: 'renew', anniversary: '2028-02-29' }]);
    expect(monthDaysDue('2025-02-28', renewalTerms)).toContain('02-29');
    expect(monthDaysDue('2028-02-28', renewalTerms)).not.toContain('02-29');
    // 30 days before 28 February 2025 is 29 January: the preview of 29 February partners too.
    expect(monthDaysDue('2025-01-29', renewalTerms)).toEqual(['01-29', '02-28', '02-29', '12-30']);
  });

  it('every step due on a day is found by selecting partners on the month-days due that day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (a, d) => {
        const anniversary = dayOf(a);
        const day = dayOf(d);
        if (renewalStepsDue(anniversary, day, renewalTerms).length > 0)
          expect(monthDaysDue(day, renewalTerms)).toContain(anniversary.slice(5));
      }),
    );
  });

  it('over any year from the anniversary on, each step runs exactly once per anniversary', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 }), (a) => {
        const anniversary = dayOf(a);
        const steps = Array.from({ length: 365 * 3 }, (_, i) => renewalStepsDue(anniversary, dayOf(a + i), renewalTerms)).flat();
        for (const step of ['preview', 'renew', 'feeDue'] as const) {
          const anniversaries = steps.filter((s) => s.step === step).map((s) => s.anniversary);
          expect(new Set(anniversaries).size).toBe(anniversaries.length);
        }
        expect(steps.filter((s) => s.step === 'renew')).toHaveLength(3);
      }),
      { numRuns: 25 },
    );
  });
});

describe('applying a renewal', () => {
  const member = [
    ['2024-11-10', ['modernWork']],
    ['2025-01-15', ['modernWork', 'businessApplications']],
  ].reduce<Membership>((m, [day, areas]) => applyDailyScores(m, only(...(areas as SolutionArea[])), day as string).membership, {
    designations: {},
  });
  const history: QualifiedDay[] = [{ day: '2025-07-01', qualifies: only('modernWork') }];

  it('is idempotent: the same anniversary applied twice changes nothing more', () => {
    const record = renewalRecord(member, history, '2025-11-10', packageInForce(member), renewalRules);
    const once = applyRenewal(member, record);
    expect(once.membership).toMatchObject({ package: 'designation', lastRenewal: '2025-11-10' });
    expect(once.events).toContainEqual({ type: 'lapsed', area: 'businessApplications', on: '2025-11-10', reason: 'notRequalified' });
    expect(applyRenewal(once.membership, record)).toEqual({ membership: once.membership, events: [] });
  });

  it('a designation attained again after A is neither lapsed by a late replay of that renewal nor by its unpaid fee', () => {
    const record = renewalRecord(member, history, '2025-11-10', 'designation', renewalRules);
    const { membership } = applyRenewal(member, record);
    const unpaid = lapseUnpaid(membership, record, '2025-12-10', renewalTerms).membership;
    expect(unpaid.designations.modernWork).toMatchObject({ status: 'lapsed', lapseReason: 'feeUnpaid' });
    const again = applyDailyScores(unpaid, only('modernWork', 'businessApplications'), '2026-01-05').membership;
    expect(lapseUnpaid(again, record, '2026-01-06', renewalTerms).events).toEqual([]);
    expect(applyRenewal({ ...again, lastRenewal: undefined }, record).events.filter((e) => e.type === 'lapsed')).toEqual([]);
  });

  it('with no choice, the package in force carries on; a partner with a designation and none yet has the designation package', () => {
    expect(packageInForce(member)).toBe('designation');
    expect(packageInForce({ designations: {} })).toBe('none');
    expect(packageInForce({ ...member, package: 'none' })).toBe('none');
  });
});

describe('payments and the plan for an anniversary', () => {
  const member = applyDailyScores({ designations: {} }, only('security'), '2025-01-10').membership;
  const record = renewalRecord(member, [{ day: '2025-12-01', qualifies: only('security') }], '2026-01-10', 'designation', renewalRules);

  it('are summed in whole cents, at most what is outstanding; a reference reused for another amount is refused', () => {
    let r = record;
    for (const [reference, amountUsd] of [
      ['a', 0.1],
      ['b', 0.2],
      ['c', 4729.7],
    ] as const) {
      expect(checkPayment(r, { reference, amountUsd })).toBeUndefined();
      r = recordPayment(r, { reference, amountUsd, paidOn: '2026-01-11' }).record;
    }
    expect(r.paid).toBe(true);
    expect(checkPayment(r, { reference: 'd', amountUsd: 0.01 })?.message).toContain('already paid');
    expect(checkPayment(record, { reference: 'e', amountUsd: 4730.01 })?.message).toContain('more than the 4730 USD outstanding');
    expect(checkPayment(r, { reference: 'a', amountUsd: 0.1 })).toBeUndefined();
    expect(checkPayment(r, { reference: 'a', amountUsd: 1 })).toMatchObject({ kind: 'refused', reason: 'referenceReused' });
  });

  it('a partner with nothing to renew gets no record; a legacy package after the cutoff moves, saying why', () => {
    expect(planRenewal({ anniversary: '2024-06-01', designations: {} }, [], '2025-06-01', undefined, renewalRules)).toBeUndefined();
    const legacyGold: Membership = { anniversary: '2024-06-01', designations: {}, package: 'legacyGold', lastRenewal: '2024-06-01' };
    const moved = planRenewal(legacyGold, [], '2025-06-01', undefined, renewalRules)!;
    expect(moved).toMatchObject({ package: 'none', feeUsd: 0, paid: true });
    expect(moved.notes[0]).toContain('legacyGold benefits ended on 2025-06-01');
    expect(planRenewal(member, [{ day: '2025-12-01', qualifies: only('security') }], '2026-01-10', undefined, renewalRules)).toMatchObject({
      package: 'designation',
      renewed: ['security'],
      feeUsd: 4730,
    });
  });
});
