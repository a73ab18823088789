import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renewalRules } from '../../rules/index.js';
import { storeJobPorts } from '../../functions/edge/jobPorts.js';
import { recomputeDay } from '../../shared/jobs/recomputeDay.js';
import { feeFor } from '../../shared/lifecycle/renewal.js';
import { PartnerFacts } from '../../shared/model/partner.js';
import { encodeMessage, RECOMPUTE_QUEUE, RENEWAL_QUEUE } from '../../shared/queue/queues.js';
import { queue } from './queues.js';
import { startTestHost, type TestHost } from './testHost.js';
import { adapters } from '../../functions/edge/composition.js';

// The sample qualifies for Infrastructure and Modern Work on 2025-06-15 (see lifecycle.test.ts).
const sample = PartnerFacts.parse(JSON.parse(readFileSync(new URL('../../local/demo/contoso-jp.json', import.meta.url), 'utf8')));
const A = '2025-06-15';
const FEE = feeFor(renewalRules.fees, 'designation', A);

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost({ queueSettings: { visibilityTimeout: 0, maxPollingInterval: 100 } });
  for (const id of ['first', 'twins', 'days', 'crash'])
    await adapters().partners.profiles.importPartner({ ...sample, partner: { ...sample.partner, partnerId: id } }, '2025-01-01T00:00:00Z');
});
afterAll(async () => {
  await host?.stop();
});

const realPorts = () => storeJobPorts();
type Ports = ReturnType<typeof realPorts>;

/** Real stores, but each load waits until `count` loads have happened: every recompute reads the partner before any writes it. */
function barrierPorts(count: number): Ports {
  const ports = realPorts();
  let arrived = 0;
  let release!: () => void;
  const allRead = new Promise<void>((r) => (release = r));
  return {
    ...ports,
    partners: {
      ...ports.partners,
      loadForRecompute: async (partnerId) => {
        const loaded = await ports.partners.loadForRecompute(partnerId);
        if (++arrived === count) release();
        await allRead;
        return loaded;
      },
    },
  };
}

const recordsOf = (partnerId: string) => adapters().renewals.list(partnerId);
const membershipOf = async (partnerId: string) => (await adapters().partners.membership.lifecycle(partnerId)).membership;
const renewStepsLogged = (partnerId: string) => host.logs.filter((l) => l.includes(`renew ${partnerId} `));

describe("a new member's first renewal is run by the recompute that makes it one", () => {
  it('one record with one fee, the membership renewed, nothing queued for the renewals queue; a renewal message afterwards charges nothing', async () => {
    await queue(RECOMPUTE_QUEUE).sendMessage(encodeMessage({ partnerId: 'first', reason: 'requested', asOf: A }));
    await host.drained();
    const records = await recordsOf('first');
    expect(
      records.map((d) => [
        d.anniversary,
        d.record?.package,
        d.record?.renewed,
        d.record?.lapsed,
        d.record?.feeUsd,
        d.record?.payments,
        d.renewedOn,
      ]),
    ).toEqual([[A, 'designation', ['infrastructure', 'modernWork'], [], FEE, [], A]]);
    expect(FEE).toBeGreaterThan(0);
    expect(await membershipOf('first')).toMatchObject({ anniversary: A, lastRenewal: A, package: 'designation' });
    // The recompute logged the renewal's events itself, and no renewal step ran.
    expect(host.logs.filter((l) => l.includes('partner first: {"type":"packageInForce"'))).toHaveLength(1);
    expect(host.logs.filter((l) => l.includes('partner first: {"type":"renewed"'))).toHaveLength(2);
    expect(renewStepsLogged('first')).toEqual([]);

    // The same anniversary's renewal message, twice, later: it finds the record and charges nothing.
    const written = records[0]!._etag;
    const duplicate = encodeMessage({ partnerId: 'first', anniversary: A, step: 'renew', asOf: A });
    await Promise.all([queue(RENEWAL_QUEUE).sendMessage(duplicate), queue(RENEWAL_QUEUE).sendMessage(duplicate)]);
    await host.drained();
    expect(renewStepsLogged('first')).toHaveLength(2);
    const after = await recordsOf('first');
    expect(after).toHaveLength(1);
    expect(after[0]!._etag).toBe(written);
    expect(host.logs.filter((l) => l.includes('partner first: {"type":"packageInForce"'))).toHaveLength(1);
  });

  it('two concurrent recomputes of the first day: one partner write carries the renewal, one record, one fee', async () => {
    const ports = barrierPorts(2);
    const outcomes = await Promise.all([recomputeDay(ports, 'twins', A, 'ifAbsent'), recomputeDay(ports, 'twins', A, 'ifAbsent')]);
    const events = outcomes.flatMap((o) => (o.outcome === 'missing' ? [] : o.events));
    expect(events.filter((e) => e.type === 'anniversarySet')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'packageInForce')).toHaveLength(1);
    const records = await recordsOf('twins');
    expect(records.map((d) => [d.anniversary, d.record?.feeUsd])).toEqual([[A, FEE]]);
    expect(await membershipOf('twins')).toMatchObject({ anniversary: A, lastRenewal: A, package: 'designation' });
  });

  it('concurrent recomputes of two different first days: the record is for the anniversary that won, and none for the other', async () => {
    const ports = barrierPorts(2);
    await Promise.all([recomputeDay(ports, 'days', A, 'replace'), recomputeDay(ports, 'days', '2025-06-16', 'replace')]);
    const membership = await membershipOf('days');
    expect([A, '2025-06-16']).toContain(membership.anniversary);
    expect(membership.lastRenewal).toBe(membership.anniversary);
    const records = await recordsOf('days');
    expect(records.map((d) => [d.anniversary, d.record?.feeUsd])).toEqual([
      [membership.anniversary, feeFor(renewalRules.fees, 'designation', membership.anniversary!)],
    ]);
  });

  it('a recompute stopped between its partner write and the record: the redelivered message writes the record, once', async () => {
    const ports = realPorts();
    const stopping: Ports = {
      ...ports,
      renewals: {
        ...ports.renewals,
        commitRenewal: async () => {
          throw new Error('the host was stopped');
        },
      },
    };
    await expect(recomputeDay(stopping, 'crash', A, 'ifAbsent')).rejects.toThrow('the host was stopped');
    expect(await membershipOf('crash')).toMatchObject({ anniversary: A, lastRenewal: A });
    expect(await recordsOf('crash')).toEqual([]);
    const again = await recomputeDay(ports, 'crash', A, 'ifAbsent');
    expect(again.outcome === 'missing' ? [] : again.events).toEqual([]);
    expect((await recordsOf('crash')).map((d) => [d.anniversary, d.record?.package, d.record?.renewed, d.record?.feeUsd])).toEqual([
      [A, 'designation', ['infrastructure', 'modernWork'], FEE],
    ]);
    // Once more: the record is there, and stays as it is.
    const etag = (await recordsOf('crash'))[0]!._etag;
    await recomputeDay(ports, 'crash', A, 'ifAbsent');
    expect((await recordsOf('crash')).map((d) => d._etag)).toEqual([etag]);
  });

  it('dailyRenewals on the anniversary queues its steps once: run again the same day it queues nothing, and the renewal charges nothing more', async () => {
    await host.runDailyJob('dailyRenewals', A);
    await host.drained();
    // first, twins and crash have their anniversary on A (days, perhaps): each gets its renewal step, which finds its record.
    const queued = host.logs.find((l) => l.includes(`daily renewals for ${A}: queued`));
    expect(queued).toMatch(/queued [34] steps$/);
    await host.runDailyJob('dailyRenewals', A);
    await host.drained();
    expect(host.logs.filter((l) => l.includes(`daily renewals for ${A}: queued`))).toHaveLength(1);
    expect(host.logs).toContainEqual(expect.stringContaining(`daily renewals for ${A}: already queued`));
    for (const id of ['first', 'twins', 'crash'])
      expect((await recordsOf(id)).map((d) => [d.anniversary, d.record?.feeUsd, d.record?.payments])).toEqual([[A, FEE, []]]);
    // Each renewal step ran and found its record: no renewal applied again (only the first recompute, through the host, logged one).
    for (const id of ['first', 'twins', 'crash']) expect(renewStepsLogged(id).length).toBeGreaterThan(0);
    expect(host.logs.filter((l) => l.includes('{"type":"packageInForce"'))).toHaveLength(1);
  });
});
