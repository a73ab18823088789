import { readFileSync } from 'node:fs';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftFacts } from '../../local/demo.js';
import { PartnerFacts } from '../../shared/model/partner.js';
import { bodyOf, startTestHost, type TestHost } from './testHost.js';
import { adapters } from '../../functions/edge/composition.js';

dayjs.extend(utc);

/**
 * A year and a month replayed day by day on the local host, through the admin endpoint: each day
 * the clock is set, the day's scripted changes are made through the API, then the nightly
 * recompute and the daily renewal job run as of that day and their queues drain.
 *
 * The partners come from the sample moved by whole months: moved 5 months, it qualifies in
 * Infrastructure from 2025-03-01 and Modern Work from 2025-07-01 until 2025-12-01; moved 6, from
 * 2025-04-01 and 2025-08-01 until 2026-01-01; moved back 12, never in this year.
 */
const sample = PartnerFacts.parse(JSON.parse(readFileSync(new URL('../../local/demo/contoso-jp.json', import.meta.url), 'utf8')));
const partner = (partnerId: string, months: number, anniversary?: string): PartnerFacts => {
  const facts = shiftFacts(sample, months);
  return { ...facts, partner: { partnerId, name: partnerId, country: 'JP', locations: [], ...(anniversary ? { anniversary } : {}) } };
};

const FIRST_DAY = '2025-02-25';
const LAST_DAY = '2026-04-01';
const ADMINS = ['aiko.sato', 'kenji.tanaka', 'mei.kobayashi', 'sota.yamamoto'];

/** What the scripted operator and partners do, on the day given, before that day's jobs. */
const script: Record<string, (host: TestHost) => Promise<void>> = {
  // "dropper" loses its Azure administrators: Infrastructure drops below 70, months before its anniversary.
  '2025-03-20': async (host) => {
    for (const person of sample.people.filter((p) => ADMINS.includes(p.personId))) {
      const { personId, ...profile } = shiftFacts({ ...sample, people: [person] }, 5).people[0]!;
      expect(
        (await host.api(`/api/partners/dropper/people/${personId}`, { method: 'PUT', json: { ...profile, unlinkedOn: '2025-03-20' } }))
          .status,
      ).toBe(200);
    }
  },
  '2025-04-20': async (host) => expectStatus(host, 'newcomer', '2025-04-01', { amountUsd: 4730, reference: 'NC-2025' }, 201),
  '2025-09-01': async (host) => {
    const chosen = await host.api('/api/partners/dropper/renewals/2025-09-15/package', {
      method: 'POST',
      json: { package: 'designation' },
    });
    expect(chosen.status).toBe(200);
  },
  // Two deliveries of one payment at once, then the balance.
  '2025-09-20': async (host) => {
    const statuses = await Promise.all(
      [1, 2].map(() =>
        host
          .api('/api/partners/dropper/renewals/2025-09-15/payment', { method: 'POST', json: { amountUsd: 2000, reference: 'DR-1' } })
          .then((r) => r.status),
      ),
    );
    expect(statuses.sort()).toEqual([200, 201]);
  },
  '2025-10-01': async (host) => expectStatus(host, 'dropper', '2025-09-15', { amountUsd: 2730, reference: 'DR-2' }, 201),
};

async function expectStatus(
  host: TestHost,
  partnerId: string,
  anniversary: string,
  payment: { amountUsd: number; reference: string },
  status: number,
) {
  expect((await host.api(`/api/partners/${partnerId}/renewals/${anniversary}/payment`, { method: 'POST', json: payment })).status).toBe(
    status,
  );
}

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost({ queueSettings: { visibilityTimeout: 0, maxPollingInterval: 20 } });
  const store = adapters().partners;
  for (const facts of [
    partner('newcomer', 6), // no anniversary yet: its first designation sets it, and is its first renewal
    partner('member', 5, '2024-11-10'), // an existing member: designations attained in the year renew at its anniversary
    partner('dropper', 5, '2025-09-15'),
    partner('leapling', 5, '2024-02-29'), // renews on 28 February in 2026
    partner('idle', -12, '2025-06-01'), // nothing to renew
  ]) {
    await store.profiles.importPartner(facts, '2025-01-01T00:00:00Z');
  }
  for (let day = FIRST_DAY; day <= LAST_DAY; day = dayjs.utc(day).add(1, 'day').format('YYYY-MM-DD')) {
    await host.setToday(day);
    await script[day]?.(host);
    await host.drained();
    await host.runDailyJob('nightlyRecompute', day);
    await host.drained();
    await host.runDailyJob('dailyRenewals', day);
    await host.drained();
  }
}, 600_000);
afterAll(async () => {
  await host?.stop();
});

/**
 * Every designation change the functions logged for a partner, as `day type area`, in order of day
 * (the Azure track's changes are checked on their own).
 */
function changesOf(partnerId: string, types: (type: string) => boolean = (type) => type !== 'azureTrackChanged'): string[] {
  const prefix = `partner ${partnerId}: `;
  return host.logs
    .filter((l) => l.includes(prefix))
    .map(
      (l) =>
        JSON.parse(l.slice(l.indexOf(prefix) + prefix.length)) as {
          type: string;
          on?: string;
          anniversary?: string;
          area?: string;
          package?: string;
          reason?: string;
          track?: string;
        },
    )
    .filter((e) => types(e.type))
    .map((e) => [e.on ?? e.anniversary, e.type, e.area ?? e.package ?? e.track, e.reason].filter(Boolean).join(' '))
    .sort((a, b) => a.slice(0, 10).localeCompare(b.slice(0, 10)));
}

const renewalsOf = async (partnerId: string) => (await bodyOf(await host.api(`/api/partners/${partnerId}/renewals`))).renewals;
const totalFees = (renewals: { renewal?: { feeUsd: number } }[]) => renewals.reduce((sum, r) => sum + (r.renewal?.feeUsd ?? 0), 0);

describe(`a year replayed day by day, ${FIRST_DAY} to ${LAST_DAY}`, () => {
  it('newcomer: its first designation sets the anniversary and is charged; a later one shares it; both renew a year on', async () => {
    expect(changesOf('newcomer')).toEqual([
      '2025-04-01 attained infrastructure',
      '2025-04-01 anniversarySet',
      '2025-04-01 renewed infrastructure',
      '2025-04-01 packageInForce designation',
      '2025-08-01 attained modernWork',
      '2026-01-01 atRisk infrastructure',
      '2026-01-01 atRisk modernWork',
      '2026-04-01 renewed infrastructure',
      '2026-04-01 renewed modernWork',
      '2026-04-01 packageInForce designation',
    ]);
    const renewals = await renewalsOf('newcomer');
    expect(renewals.map((r: { anniversary: string; status: string }) => [r.anniversary, r.status])).toEqual([
      ['2025-04-01', 'renewed'],
      ['2026-04-01', 'renewed'],
    ]);
    expect(renewals[0].renewal).toMatchObject({
      renewed: ['infrastructure'],
      feeUsd: 4730,
      paid: true,
      payments: [{ reference: 'NC-2025', paidOn: '2025-04-20' }],
      feeDue: { checkedOn: '2025-05-01', lapsed: [] },
    });
    expect(renewals[1].preview).toMatchObject({ on: '2026-03-02', renewed: ['infrastructure', 'modernWork'], lapsed: [], feeUsd: 4730 });
    expect(renewals[1].renewal).toMatchObject({ renewed: ['infrastructure', 'modernWork'], lapsed: [], feeUsd: 4730, paid: false });
    expect(totalFees(renewals)).toBe(9460);
  });

  it('newcomer: from 2025-07-01 (rule set 2025-07) the Azure track is kept, and the renewal enrolls Infrastructure on it for the year', async () => {
    // The sample's customers carry no segment, so the partner is Enterprise from the first day the track exists.
    expect(changesOf('newcomer', (type) => type === 'azureTrackChanged')).toEqual(['2025-07-01 azureTrackChanged enterprise']);
    const [, second] = await renewalsOf('newcomer');
    expect(second.renewal.enrollmentTracks).toEqual({ infrastructure: 'enterprise' });
    const { designations } = await bodyOf(await host.api('/api/partners/newcomer/designations'));
    expect(designations.find((d: { area: string }) => d.area === 'infrastructure')).toMatchObject({
      status: 'active',
      enrollmentTrack: 'enterprise',
    });
    expect(designations.find((d: { area: string }) => d.area === 'modernWork').enrollmentTrack).toBeUndefined();
  });

  it('member: two designations attained during the year renew together at its anniversary for one fee; unpaid 30 days later, both lapse', async () => {
    expect(changesOf('member')).toEqual([
      '2025-03-01 attained infrastructure',
      '2025-07-01 attained modernWork',
      '2025-11-10 renewed infrastructure',
      '2025-11-10 renewed modernWork',
      '2025-11-10 packageInForce designation',
      '2025-12-01 atRisk infrastructure',
      '2025-12-01 atRisk modernWork',
      '2025-12-10 lapsed infrastructure feeUnpaid',
      '2025-12-10 lapsed modernWork feeUnpaid',
    ]);
    const renewals = await renewalsOf('member');
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({
      anniversary: '2025-11-10',
      preview: { on: '2025-10-11', renewed: ['infrastructure', 'modernWork'], feeUsd: 4730 },
      renewal: {
        renewed: ['infrastructure', 'modernWork'],
        feeUsd: 4730,
        paid: false,
        outstandingUsd: 4730,
        feeDue: { checkedOn: '2025-12-10', lapsed: ['infrastructure', 'modernWork'] },
      },
    });
    const late = await host.api('/api/partners/member/renewals/2025-11-10/payment', {
      method: 'POST',
      json: { amountUsd: 4730, reference: 'LATE' },
    });
    expect(late.status).toBe(409);
  });

  it('dropper: below 70 before its anniversary and never back in the window, Infrastructure lapses; Modern Work renews; one payment delivered twice counts once', async () => {
    expect(changesOf('dropper')).toEqual([
      '2025-03-01 attained infrastructure',
      '2025-03-20 atRisk infrastructure',
      '2025-07-01 attained modernWork',
      '2025-09-15 lapsed infrastructure notRequalified',
      '2025-09-15 renewed modernWork',
      '2025-09-15 packageInForce designation',
      '2025-12-01 atRisk modernWork',
    ]);
    const [renewal] = await renewalsOf('dropper');
    expect(renewal).toMatchObject({
      anniversary: '2025-09-15',
      choice: { package: 'designation', chosenOn: '2025-09-01' },
      preview: { on: '2025-08-16', renewed: ['modernWork'], lapsed: ['infrastructure'] },
      renewal: {
        renewed: ['modernWork'],
        lapsed: ['infrastructure'],
        feeUsd: 4730,
        paid: true,
        feeDue: { checkedOn: '2025-10-15', lapsed: [] },
      },
    });
    expect(renewal.renewal.outstandingUsd).toBe(0);
    expect(
      renewal.renewal.payments.map((p: { reference: string; amountUsd: number; paidOn: string }) => [p.reference, p.amountUsd, p.paidOn]),
    ).toEqual([
      ['DR-1', 2000, '2025-09-20'],
      ['DR-2', 2730, '2025-10-01'],
    ]);
  });

  it('leapling: an anniversary of 29 February renews on 28 February 2026; nothing was due on 28 February 2025, before its first designation', async () => {
    expect(changesOf('leapling')).toEqual([
      '2025-03-01 attained infrastructure',
      '2025-07-01 attained modernWork',
      '2025-12-01 atRisk infrastructure',
      '2025-12-01 atRisk modernWork',
      '2026-02-28 renewed infrastructure',
      '2026-02-28 renewed modernWork',
      '2026-02-28 packageInForce designation',
      '2026-03-30 lapsed infrastructure feeUnpaid',
      '2026-03-30 lapsed modernWork feeUnpaid',
    ]);
    const renewals = await renewalsOf('leapling');
    expect(renewals.map((r: { anniversary: string }) => r.anniversary)).toEqual(['2026-02-28']);
    expect(renewals[0]).toMatchObject({ preview: { on: '2026-01-29' }, renewal: { feeUsd: 4730, feeDue: { checkedOn: '2026-03-30' } } });
  });

  it('idle: nothing attained, nothing renewed, nothing charged', async () => {
    expect(changesOf('idle')).toEqual([]);
    expect(await renewalsOf('idle')).toEqual([]);
  });

  it('every partner has exactly one snapshot for every day replayed', async () => {
    const days = dayjs.utc(LAST_DAY).diff(dayjs.utc(FIRST_DAY), 'day') + 1;
    for (const partnerId of ['newcomer', 'member', 'dropper', 'leapling', 'idle']) {
      // Paged: at most 400 days a page, so two pages or more.
      const snapshots: { day: string }[] = [];
      let continuation: string | undefined;
      for (let page = 0; page < 10; page++) {
        const body = await bodyOf(
          await host.api(
            `/api/partners/${partnerId}/history?from=${FIRST_DAY}&to=${LAST_DAY}&limit=400${continuation ? `&continuation=${continuation}` : ''}`,
          ),
        );
        snapshots.push(...body.days);
        continuation = body.continuation;
        if (!continuation) break;
      }
      expect(snapshots, partnerId).toHaveLength(days);
      expect(new Set(snapshots.map((s) => s.day)).size, partnerId).toBe(days);
    }
  });
});
