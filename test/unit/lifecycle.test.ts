import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legacy, renewalRules, renewalTerms } from '../../rules/index.js';
import { SOLUTION_AREAS, type SolutionArea } from '../../shared/model/primitives.js';
import { anniversaryIn, nextAnniversary, renewalWindowStart } from '../../shared/lifecycle/anniversary.js';
import { stepDay } from '../../shared/lifecycle/schedule.js';
import { applyDailyScores, hasMicrosoftCloudBadge, type Membership } from '../../shared/lifecycle/membership.js';
import { checkLegacyCompetency, checkPackageChoice, packageAtAnniversary } from '../../shared/lifecycle/packages.js';
import {
  applyRenewal,
  lapseUnpaid,
  recordPayment,
  renewalOutcome,
  renewalRecord,
  type QualifiedDay,
} from '../../shared/lifecycle/renewal.js';

const none = (): Record<SolutionArea, boolean> =>
  Object.fromEntries(SOLUTION_AREAS.map((a) => [a, false])) as Record<SolutionArea, boolean>;
const only = (...areas: SolutionArea[]) => ({ ...none(), ...Object.fromEntries(areas.map((a) => [a, true])) });
const empty: Membership = { designations: {} };

/** The renewal record at A and the membership it leaves, as the renewal step makes them. */
function renew(...args: Parameters<typeof renewalRecord>) {
  const record = renewalRecord(...args);
  return { record, ...applyRenewal(args[0], record) };
}

/** Replays days of qualification through the daily recompute. */
function replay(days: [string, SolutionArea[]][], start: Membership = empty): Membership {
  return days.reduce((m, [day, areas]) => applyDailyScores(m, only(...areas), day).membership, start);
}

describe('anniversaries', () => {
  it('29 February becomes 28 February in other years', () => {
    expect(anniversaryIn('2024-02-29', 2025)).toBe('2025-02-28');
    expect(anniversaryIn('2024-02-29', 2028)).toBe('2028-02-29');
    expect(nextAnniversary('2024-02-29', '2024-02-29')).toBe('2025-02-28');
  });

  it('the renewal window starts on the first day of the month five months before; preview 30 days before; fee deadline 30 days after', () => {
    expect(renewalWindowStart('2025-11-10', renewalTerms)).toBe('2025-06-01');
    expect(renewalWindowStart('2025-02-28', renewalTerms)).toBe('2024-09-01');
    expect(stepDay('2025-11-10', 'preview', renewalTerms)).toBe('2025-10-11');
    expect(stepDay('2025-11-10', 'feeDue', renewalTerms)).toBe('2025-12-10');
  });
});

describe('attaining designations', () => {
  it('SPEC §8.5: designations attained 2024-11-10 (Modern Work, first), 2025-01-15 and 2025-02-20 all renew on 2025-11-10', () => {
    const m = replay([
      ['2024-11-10', ['modernWork']],
      ['2025-01-15', ['modernWork', 'businessApplications']],
      ['2025-02-20', ['modernWork', 'businessApplications', 'security']],
    ]);
    expect(m.anniversary).toBe('2024-11-10');
    expect(Object.values(m.designations).map((d) => [d!.area, d!.attainedOn])).toEqual([
      ['modernWork', '2024-11-10'],
      ['businessApplications', '2025-01-15'],
      ['security', '2025-02-20'],
    ]);
    for (const d of Object.values(m.designations)) expect(nextAnniversary(m.anniversary!, d!.attainedOn)).toBe('2025-11-10');
  });

  it('an existing anniversary never changes', () => {
    fc.assert(
      fc.property(fc.array(fc.subarray([...SOLUTION_AREAS]), { minLength: 1, maxLength: 30 }), (days) => {
        const start: Membership = { anniversary: '2023-03-01', designations: {} };
        const m = replay(
          days.map((areas, i) => [`2025-01-${String(i + 1).padStart(2, '0')}`, areas]),
          start,
        );
        expect(m.anniversary).toBe('2023-03-01');
      }),
    );
  });

  it('an area dropping below the bar stays active, flagged at risk, and is back on track when it qualifies again', () => {
    const m1 = replay([['2024-11-10', ['modernWork']]]);
    const { membership: m2, events } = applyDailyScores(m1, none(), '2025-03-01');
    expect(m2.designations.modernWork).toMatchObject({ status: 'active', atRisk: true });
    expect(events).toEqual([{ type: 'atRisk', area: 'modernWork', on: '2025-03-01' }]);
    expect(applyDailyScores(m2, only('modernWork'), '2025-04-01').membership.designations.modernWork?.atRisk).toBe(false);
  });

  it('the Microsoft Cloud badge needs all six designations active', () => {
    const five = replay([['2025-01-01', SOLUTION_AREAS.slice(0, 5)]]);
    expect(hasMicrosoftCloudBadge(five)).toBe(false);
    expect(hasMicrosoftCloudBadge(replay([['2025-01-02', [...SOLUTION_AREAS]]], five))).toBe(true);
  });
});

describe('renewal at the anniversary', () => {
  const member = replay([
    ['2024-11-10', ['modernWork']],
    ['2025-01-15', ['modernWork', 'businessApplications']],
  ]);
  const history = (days: [string, SolutionArea[]][]): QualifiedDay[] => days.map(([day, areas]) => ({ day, qualifies: only(...areas) }));

  it('renews an area that qualified on one day of the window, lapses one that did not: one fee for the partner', () => {
    const h = history([
      ['2025-05-31', ['businessApplications']], // before the window (2025-06-01..2025-11-10)
      ['2025-06-01', ['modernWork']],
      ['2025-11-11', ['businessApplications']], // after A
    ]);
    const { membership, record, events } = renew(member, h, '2025-11-10', 'designation', renewalRules);
    expect(record).toMatchObject({
      anniversary: '2025-11-10',
      package: 'designation',
      renewed: ['modernWork'],
      lapsed: ['businessApplications'],
      feeUsd: 4730,
      paid: false,
    });
    expect(membership.designations.businessApplications).toMatchObject({
      status: 'lapsed',
      lapsedOn: '2025-11-10',
      lapseReason: 'notRequalified',
    });
    expect(events).toContainEqual({ type: 'renewed', area: 'modernWork', on: '2025-11-10' });
  });

  it('no extra fee for more designations', () => {
    const h = history([['2025-09-01', ['modernWork', 'businessApplications']]]);
    expect(renew(member, h, '2025-11-10', 'designation', renewalRules).record).toMatchObject({
      renewed: ['businessApplications', 'modernWork'],
      feeUsd: 4730,
    });
  });

  it('the preview 30 days before lists what would renew and lapse on the history so far', () => {
    const h = history([['2025-07-01', ['modernWork']]]);
    expect(
      renewalOutcome(
        member,
        h.filter((d) => d.day <= stepDay('2025-11-10', 'preview', renewalTerms)),
        '2025-11-10',
        renewalTerms,
      ),
    ).toEqual({ renew: ['modernWork'], lapse: ['businessApplications'] });
  });

  it('payments: the same reference twice is one payment; a fee unpaid 30 days after A lapses what renewed', () => {
    const { membership, record } = renew(member, history([['2025-09-01', ['modernWork']]]), '2025-11-10', 'designation', renewalRules);
    const once = recordPayment(record, { reference: 'INV-1', amountUsd: 2000, paidOn: '2025-11-12' });
    const twice = recordPayment(once.record, { reference: 'INV-1', amountUsd: 2000, paidOn: '2025-11-13' });
    expect(twice.duplicate).toBe(true);
    expect(twice.record.payments).toHaveLength(1);
    expect(twice.record.paid).toBe(false);
    expect(lapseUnpaid(membership, twice.record, '2025-12-09', renewalTerms).events).toEqual([]);
    const lapsed = lapseUnpaid(membership, twice.record, '2025-12-10', renewalTerms);
    expect(lapsed.membership.designations.modernWork).toMatchObject({ status: 'lapsed', lapseReason: 'feeUnpaid' });
    expect(lapseUnpaid(lapsed.membership, twice.record, '2025-12-11', renewalTerms).events).toEqual([]);
    const paid = recordPayment(twice.record, { reference: 'INV-2', amountUsd: 2730, paidOn: '2025-12-01' });
    expect(paid.record.paid).toBe(true);
    expect(lapseUnpaid(membership, paid.record, '2026-01-01', renewalTerms).events).toEqual([]);
  });
});

describe('legacy Silver/Gold', () => {
  const member: Membership = { anniversary: '2024-01-21', designations: {} };
  const gold = [{ competency: 'cloud-platform', level: 'gold' as const, earnedOn: '2021-05-01' }];

  it('SPEC §8.6: a legacy Gold renewal at anniversary 2025-01-21 succeeds and runs to 2026-01-21; one at 2025-01-22 is refused', () => {
    expect(checkPackageChoice(member, gold, 'legacyGold', '2025-01-21', '2025-01-10', legacy)).toBeUndefined();
    expect(packageAtAnniversary(member, 'legacyGold', 'legacyGold', '2025-01-21', legacy)).toEqual({ package: 'legacyGold', notes: [] });
    expect(nextAnniversary('2025-01-21', '2025-01-21')).toBe('2026-01-21');
    const late: Membership = { anniversary: '2024-01-22', designations: {} };
    const refusal = checkPackageChoice(late, gold, 'legacyGold', '2025-01-22', '2025-01-10', legacy);
    expect(refusal).toMatchObject({ kind: 'refused', reason: 'legacyCutoff', message: expect.stringContaining('on or before 2025-01-21') });
  });

  it('a choice made after the cutoff is refused even for an earlier anniversary; Action Pack too', () => {
    expect(checkPackageChoice(member, gold, 'actionPack', '2025-01-21', '2025-01-22', legacy)).toMatchObject({ kind: 'refused' });
  });

  it('legacy benefits ending after the cutoff move the partner to designation or none, saying why', () => {
    const withDesignation = replay([['2025-06-01', ['security']]], { anniversary: '2024-01-21', designations: {} });
    const moved = packageAtAnniversary(withDesignation, 'legacyGold', undefined, '2026-01-21', legacy);
    expect(moved.package).toBe('designation');
    expect(moved.notes[0]).toMatch(/^legacyGold benefits ended on 2026-01-21: .*moved to designation$/);
    expect(packageAtAnniversary(member, 'legacySilver', undefined, '2026-01-21', legacy).package).toBe('none');
  });

  it('the package changes only at an anniversary, chosen by then; the designation package needs an active designation', () => {
    expect(checkPackageChoice(member, gold, 'none', '2025-03-01', '2025-01-10', legacy)).toEqual({
      kind: 'invalid',
      issues: [
        {
          path: 'anniversary',
          message: "2025-03-01 is not one of the partner's anniversaries; the package changes only at an anniversary",
        },
      ],
    });
    expect(checkPackageChoice(member, gold, 'none', '2025-01-21', '2025-02-01', legacy)).toMatchObject({
      kind: 'refused',
      reason: 'choiceTooLate',
    });
    expect(checkPackageChoice(member, gold, 'designation', '2026-01-21', '2026-01-01', legacy)).toEqual({
      kind: 'refused',
      reason: 'needsActiveDesignation',
      message: 'the designation package needs at least one active designation',
    });
  });

  it('no competency attained after 2022-09-30; 18 competencies, App Integration in two areas', () => {
    expect(checkLegacyCompetency({ competency: 'devops', level: 'silver', earnedOn: '2022-09-30' }, legacy)).toBeUndefined();
    expect(checkLegacyCompetency({ competency: 'devops', level: 'silver', earnedOn: '2022-10-01' }, legacy)).toMatchObject({
      kind: 'refused',
      reason: 'competencyTooLate',
    });
    expect(checkLegacyCompetency({ competency: 'made-up', level: 'silver', earnedOn: '2022-01-01' }, legacy)).toEqual({
      kind: 'invalid',
      issues: [{ path: 'competency', message: 'unknown legacy competency made-up' }],
    });
    expect(legacy.competencies).toHaveLength(18);
    expect(legacy.competencies.find((c) => c.id === 'app-integration')?.areas).toEqual(['dataAi', 'digitalAppInnovation']);
  });
});

describe('the Azure enrollment track (learn-2026/azure.md "Enrollment Track")', () => {
  const A = '2026-11-10';
  const day = (m: Membership, on: string, track: 'smb' | 'enterprise', ...areas: SolutionArea[]) =>
    applyDailyScores(m, only(...areas), on, track).membership;

  it('a designation records the track it was attained on; Modern Work records none', () => {
    const m = day(empty, '2025-11-10', 'smb', 'infrastructure', 'modernWork');
    expect(m.designations.infrastructure?.enrollmentTrack).toBe('smb');
    expect(m.designations.modernWork?.enrollmentTrack).toBeUndefined();
  });

  it('while an Azure designation is active, a track change is kept with its day, as an event (so the day is written); an unchanged track is no event', () => {
    const first = applyDailyScores(empty, only('dataAi'), '2026-03-01', 'enterprise');
    expect(first.events).toContainEqual({ type: 'azureTrackChanged', track: 'enterprise', on: '2026-03-01' });
    expect(applyDailyScores(first.membership, only('dataAi'), '2026-03-02', 'enterprise').events).toEqual([]);
    expect(applyDailyScores(first.membership, only('dataAi'), '2026-03-03', 'smb').membership.azureTrack).toEqual({
      track: 'smb',
      since: '2026-03-03',
    });
  });

  it('a partner without an Azure designation keeps no track: no event, no write', () => {
    const { membership, events } = applyDailyScores(empty, only('modernWork'), '2026-03-01', 'smb');
    expect(events.map((e) => e.type)).toEqual(['attained', 'anniversarySet']);
    expect(membership.azureTrack).toBeUndefined();
  });

  it('at renewal: SMB if SMB on any evaluated day of the window, else Enterprise; it stays for the year', () => {
    let m = day(empty, '2025-11-10', 'enterprise', 'infrastructure', 'dataAi');
    m = day(m, '2026-06-10', 'smb', 'infrastructure', 'dataAi'); // SMB inside the window (from 2026-06-01)
    m = day(m, '2026-06-11', 'enterprise', 'infrastructure', 'dataAi');
    const smb = renew(m, [{ day: A, qualifies: only('infrastructure', 'dataAi') }], A, 'designation', renewalRules);
    expect(smb.record.enrollmentTracks).toEqual({ infrastructure: 'smb', dataAi: 'smb' });
    expect(smb.membership.designations.infrastructure?.enrollmentTrack).toBe('smb');
  });

  it('SMB only before the window (2026-05-31) is Enterprise at renewal', () => {
    let m = day(empty, '2025-11-10', 'smb', 'infrastructure');
    m = day(m, '2026-06-01', 'enterprise', 'infrastructure');
    const { record, membership } = renew(m, [{ day: A, qualifies: only('infrastructure') }], A, 'designation', renewalRules);
    expect(m.azureTrack).toEqual({ track: 'enterprise', since: '2026-06-01', lastSmbDay: '2026-05-31' });
    expect(record.enrollmentTracks).toEqual({ infrastructure: 'enterprise' });
    expect(membership.designations.infrastructure?.enrollmentTrack).toBe('enterprise');
  });

  it('a partner never classified (before 2025-07) renews with no enrollment track', () => {
    const m = replay([['2024-11-10', ['infrastructure']]]);
    expect(
      renew(m, [{ day: '2025-11-10', qualifies: only('infrastructure') }], '2025-11-10', 'designation', renewalRules).record
        .enrollmentTracks,
    ).toBeUndefined();
  });
});
