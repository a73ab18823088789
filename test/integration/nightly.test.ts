import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleSetFor } from '../../rules/index.js';
import { todayUtc } from '../../shared/clock.js';
import { fanOutRecompute } from '../../shared/jobs/fanOut.js';
import type { PartnerFacts } from '../../shared/model/partner.js';
import { decodeMessage, encodeMessage, RECOMPUTE_QUEUE } from '../../shared/queue/queues.js';
import { enqueueRecompute, queue } from './queues.js';
import { scorePartner, toScoreDocument, toScoreSummary } from '../../shared/scoring/index.js';
import { syntheticPartner } from '../bench/population.js';
import { startTestHost, until, type TestHost } from './testHost.js';
import { adapters } from '../../functions/edge/composition.js';

const PARTNERS = 500;
const partners: PartnerFacts[] = Array.from({ length: PARTNERS }, (_, i) => {
  const facts = syntheticPartner(i, { customers: 2, months: 25, people: 3, lastMonth: '2025-06' });
  return { ...facts, partner: { ...facts.partner, partnerId: `night-${String(i).padStart(3, '0')}` } };
});

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost({ queueSettings: { visibilityTimeout: 0, maxPollingInterval: 200 } });
  const limit = pLimit(16);
  await Promise.all(partners.map((facts) => limit(() => adapters().partners.profiles.importPartner(facts, new Date().toISOString()))));
}, 180_000);
afterAll(async () => {
  await host?.stop();
});

const expected = (facts: PartnerFacts, day: string) => toScoreSummary(toScoreDocument(scorePartner(facts, ruleSetFor(day), day)));

async function snapshotsOn(day: string): Promise<{ partnerId: string; summary: unknown }[]> {
  const { resources } = await adapters()
    .container.items.query<{ partnerId: string; summary: unknown }>({
      query: "SELECT c.partnerId, c.summary FROM c WHERE c.type = 'snapshot' AND c.day = @d",
      parameters: [{ name: '@d', value: day }],
    })
    .fetchAll();
  return resources;
}

async function messages(name: string): Promise<number> {
  return (await queue(name).getProperties()).approximateMessagesCount ?? 0;
}

/** Waits until the recompute queue is empty and nothing is in flight (no new log lines for a moment). */
async function drained(): Promise<void> {
  let lastLogs = -1;
  await until(async () => {
    const quiet = host.logs.length === lastLogs;
    lastLogs = host.logs.length;
    return quiet && (await messages(RECOMPUTE_QUEUE)) === 0;
  }, 120_000);
}

const recomputedLines = (day: string) => host.logs.filter((l) => l.includes(`recomputed `) && l.includes(` as of ${day} `));

describe('nightly recompute through the queue', () => {
  it('fans out 500 partners and stores 500 correct snapshots', async () => {
    const response = await host.api('/admin/functions/nightlyRecompute', { method: 'POST', json: { input: { asOf: '2025-07-15' } } });
    expect(response.status).toBe(202);
    expect(host.logs).toContainEqual(expect.stringContaining('nightly recompute for 2025-07-15: queued 500 partners'));
    await until(async () => (await snapshotsOn('2025-07-15')).length === PARTNERS, 120_000);
    const stored = new Map((await snapshotsOn('2025-07-15')).map((s) => [s.partnerId, s.summary]));
    for (const facts of partners)
      expect(stored.get(facts.partner.partnerId), facts.partner.partnerId).toEqual(expected(facts, '2025-07-15'));
    await drained();
    expect(recomputedLines('2025-07-15')).toHaveLength(PARTNERS);
  }, 180_000);

  it('a message delivered twice leaves one snapshot with the same result', async () => {
    const message = encodeMessage({ partnerId: 'night-007', reason: 'requested', asOf: '2025-08-01' });
    await Promise.all([queue(RECOMPUTE_QUEUE).sendMessage(message), queue(RECOMPUTE_QUEUE).sendMessage(message)]);
    await until(() => recomputedLines('2025-08-01').length === 2);
    const history = await adapters().partners.snapshots.between('night-007', '2025-08-01', '2025-08-01');
    expect(history).toHaveLength(1);
    expect(history[0]!.summary).toEqual(expected(partners[7]!, '2025-08-01'));
  });

  it('a message that can never succeed goes to the poison queue at once, with its reason, not after 5 tries', async () => {
    await queue(RECOMPUTE_QUEUE).sendMessage(encodeMessage({ partnerId: 'night-001' }));
    await until(async () => (await messages(`${RECOMPUTE_QUEUE}-poison`)) === 1, 10_000);
    const poisoned = await queue(`${RECOMPUTE_QUEUE}-poison`).receiveMessages();
    expect(decodeMessage(poisoned.receivedMessageItems[0]!.messageText)).toMatchObject({
      message: { partnerId: 'night-001' },
      queue: RECOMPUTE_QUEUE,
      reason: expect.stringMatching(/^not a recompute message: reason: Invalid option/),
    });
    expect(host.logs).toContainEqual(
      expect.stringMatching(/moved to recompute-poison at once, as it can never succeed: not a recompute message/),
    );
    expect(host.logs.filter((l) => l.includes('failed (attempt'))).toEqual([]);
  });

  it('a fan-out that dies midway, run again, finishes the day with every partner done once', async () => {
    const day = '2025-09-15';
    const store = adapters().partners;
    let sent = 0;
    const dying = fanOutRecompute(
      day,
      {
        listPartnerIds: (limit, continuation) => store.listings.listPartnerIds(limit, continuation),
        send: async (message) => {
          if (sent >= 250) throw new Error('the host was stopped');
          sent++;
          await enqueueRecompute(message);
        },
        checkpoint: (d) => adapters().checkpoints.get('recompute', d),
        saveCheckpoint: (c) => adapters().checkpoints.save('recompute', c),
        now: () => new Date().toISOString(),
      },
      { pageSize: 100, concurrency: 8 },
    );
    await expect(dying).rejects.toThrow('the host was stopped');
    expect(await adapters().checkpoints.get('recompute', day)).toMatchObject({ queued: 200, done: false });
    await drained();

    expect((await host.api('/admin/functions/nightlyRecompute', { method: 'POST', json: { input: { asOf: day } } })).status).toBe(202);
    expect(host.logs).toContainEqual(
      expect.stringContaining(`nightly recompute for ${day}: queued 300 partners (resumed from the checkpoint)`),
    );
    await drained();
    expect(await snapshotsOn(day)).toHaveLength(PARTNERS);
    const perPartner = new Map<string, number>();
    for (const line of recomputedLines(day)) {
      const id = /recomputed (\S+)/.exec(line)![1]!;
      perPartner.set(id, (perPartner.get(id) ?? 0) + 1);
    }
    expect(perPartner.size).toBe(PARTNERS);
    expect([...perPartner.values()].every((n) => n === 1)).toBe(true);
    // The 50 partners sent twice were skipped the second time.
    expect(host.logs.filter((l) => l.includes(`already recomputed for ${day}`))).toHaveLength(50);

    await host.api('/admin/functions/nightlyRecompute', { method: 'POST', json: { input: { asOf: day } } });
    expect(host.logs).toContainEqual(`[nightlyRecompute] information: nightly recompute for ${day}: already fanned out`);
  }, 180_000);
});

describe('every data write queues a recompute', () => {
  it('a month written through the API is in today’s snapshot within seconds; a bulk upload queues one recompute', async () => {
    const today = todayUtc();
    const before = recomputedLines(today).filter((l) => l.includes('night-042')).length;
    const put = await host.api('/api/partners/night-042/customers/c0/months/2025-06', { method: 'PUT', json: { paidSeats: 77 } });
    expect(put.status).toBe(200);
    await until(() => recomputedLines(today).filter((l) => l.includes('night-042')).length === before + 1);

    const beforeBulk = recomputedLines(today).filter((l) => l.includes('night-043')).length;
    const rows = ['2025-01', '2025-02', '2025-03', '2025-04'].map((month) => ({ customerId: 'c1', month, usage: { activeUsers: 5 } }));
    expect((await host.api('/api/partners/night-043/usage', { method: 'POST', json: { rows } })).status).toBe(200);
    await drained();
    expect(recomputedLines(today).filter((l) => l.includes('night-043 ')).length).toBe(beforeBulk + 1);
    const [snapshot] = await adapters().partners.snapshots.between('night-043', today, today);
    expect(snapshot!.summary).toEqual(expected((await adapters().partners.customers.loadFacts('night-043'))!, today));
  });
});

// Last: it adds a partner the nightly tests above would count.
describe('importing a whole partner', () => {
  it('reads back exactly what was imported, across several customer buckets', async () => {
    const big = syntheticPartner(99, { customers: 95, months: 3, people: 4, lastMonth: '2025-06' });
    await adapters().partners.profiles.importPartner(
      { ...big, partner: { ...big.partner, partnerId: 'big-import' } },
      '2025-06-15T00:00:00Z',
    );
    const loaded = await adapters().partners.customers.loadFacts('big-import');
    expect(loaded!.customers).toHaveLength(95);
    expect(loaded).toEqual({ ...big, partner: { ...big.partner, partnerId: 'big-import' } });
  });
});
