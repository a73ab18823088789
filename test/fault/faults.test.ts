import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleSetFor } from '../../rules/index.js';
import type { PartnerFacts } from '../../shared/model/partner.js';
import { RECOMPUTE_QUEUE, RENEWAL_QUEUE } from '../../shared/queue/queues.js';
import { queue } from '../integration/queues.js';
import { scorePartner, toScoreDocument, toScoreSummary } from '../../shared/scoring/index.js';
import { fanOutId, JOBS_PARTITION, type FanOutCheckpoint, type PartnerDoc, type SnapshotDoc } from '../../shared/store/documents.js';
import { PartnerStore } from '../../shared/store/partnerStore.js';
import { syntheticPartner } from '../bench/population.js';
import { startChildHost, startEmulators, type ChildHost, type Emulators } from './childHost.js';
import { adapters } from '../../functions/edge/composition.js';

let emulators: Emulators;
let host: ChildHost | undefined;
beforeAll(async () => {
  emulators = await startEmulators();
}, 60_000);
afterAll(async () => {
  await host?.kill();
  await emulators?.stop();
});

const store = () => new PartnerStore(adapters().container);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits for a condition, bounded in time; the number of polls is bounded by it too. */
async function until(condition: () => Promise<boolean>, timeoutMs: number, everyMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}
const restart = async () => {
  await host?.kill();
  host = await startChildHost(emulators.env);
  return host;
};
const partnerDoc = async (partnerId: string) => (await adapters().container.item('partner', partnerId).read<PartnerDoc>()).resource!;
/** What the suite tried and what held, per category, for the closing note. */
const tally: Record<string, { tried: number; held: number }> = {};
const count = (category: string, held: boolean) => {
  tally[category] ??= { tried: 0, held: 0 };
  tally[category].tried++;
  if (held) tally[category].held++;
};
afterAll(() => console.log(`fault suite tally: ${JSON.stringify(tally)}`));

const CUSTOMERS = Array.from({ length: 100 }, (_, i) => `c${String(i).padStart(3, '0')}`);
const profile = {
  idType: 'tenant' as const,
  country: 'JP',
  production: true,
  associations: [{ type: 'PAL' as const, from: '2001-01-01' }],
};
async function seedPartner(partnerId: string): Promise<void> {
  await store().profiles.importPartner(
    {
      partner: { partnerId, name: partnerId, country: 'JP', locations: [] },
      customers: CUSTOMERS.map((customerId) => ({ customerId, ...profile, months: {} })),
      people: [],
    },
    new Date().toISOString(),
  );
}
/** Upload n of a run writes its own five months for all 100 customers (three buckets), each month's paidSeats its marker. */
const monthsOf = (n: number) =>
  Array.from({ length: 5 }, (_, i) => `${2001 + Math.floor((n * 5 + i) / 12)}-${String(((n * 5 + i) % 12) + 1).padStart(2, '0')}`);
const uploadBody = (n: number) => ({
  rows: CUSTOMERS.flatMap((customerId) => monthsOf(n).map((month) => ({ customerId, month, usage: { paidSeats: n + 1 } }))),
});
/** How many of upload n's customer-months are there (500 for the 100-customer partners). */
function rowsOf(facts: PartnerFacts, n: number): number {
  return facts.customers.reduce((sum, c) => sum + monthsOf(n).filter((m) => c.months[m]?.paidSeats === n + 1).length, 0);
}

describe('kill -9 during bulk uploads, then restart', () => {
  const PARTNERS = ['up-a', 'up-b', 'up-c', 'up-d'];
  const uploads: { partnerId: string; n: number; status: number | 'lost' }[] = [];
  let next = 0;

  beforeAll(async () => {
    for (const p of PARTNERS) await seedPartner(p);
  });

  async function uploadRound(kill: 'on-pending-journal' | 'after-first-answer' | 'at-random'): Promise<void> {
    const h = await restart();
    let stop = false;
    const streams = PARTNERS.map(async (partnerId) => {
      for (let i = 0; i < 8 && !stop; i++) {
        const n = next++;
        const entry = { partnerId, n, status: 'lost' as number | 'lost' };
        uploads.push(entry);
        try {
          entry.status = (await h.api(`/api/partners/${partnerId}/usage`, { method: 'POST', json: uploadBody(n) })).status;
        } catch {
          return; // the host died under it
        }
      }
    });
    const trigger = {
      'on-pending-journal': () => until(async () => (await Promise.all(PARTNERS.map(partnerDoc))).some((d) => d.pendingUpload), 20_000, 5),
      'after-first-answer': () => until(async () => uploads.some((u) => u.status !== 'lost'), 20_000, 5),
      'at-random': () => sleep(300 + Math.random() * 700),
    }[kill];
    await trigger().catch(() => undefined);
    await h.kill();
    stop = true;
    await Promise.allSettled(streams);
  }

  async function checkEveryPartner(): Promise<void> {
    const h = await restart();
    for (const partnerId of PARTNERS) {
      // The restarted host's first reader of the partner rolls any pending journal forward.
      expect((await h.api(`/api/partners/${partnerId}/scores?asOf=2025-06-15`)).status).toBe(200);
      expect((await partnerDoc(partnerId)).pendingUpload).toBeUndefined();
      const facts = (await store().customers.loadFacts(partnerId))!;
      for (const upload of uploads.filter((u) => u.partnerId === partnerId)) {
        const rows = rowsOf(facts, upload.n);
        const wholeOrAbsent = rows === 0 || rows === 500;
        count('upload whole or absent after kill -9', wholeOrAbsent);
        expect(wholeOrAbsent, `upload ${upload.n} of ${partnerId}: ${rows} of 500 rows`).toBe(true);
        if (upload.status === 200) {
          count('acknowledged upload present after kill -9', rows === 500);
          expect(rows, `acknowledged upload ${upload.n} of ${partnerId}`).toBe(500);
        }
        expect(upload.status === 'lost' || upload.status === 200, `upload ${upload.n}: ${upload.status}`).toBe(true);
      }
    }
  }

  it.each(['on-pending-journal', 'after-first-answer', 'at-random'] as const)(
    'killed %s: every partner consistent, every upload whole or absent, every 200 whole',
    async (kill) => {
      await uploadRound(kill);
      const pending = (await Promise.all(PARTNERS.map(partnerDoc))).filter((d) => d.pendingUpload).length;
      console.log(`upload round killed ${kill}: ${uploads.length} uploads so far, ${pending} journals pending at the kill`);
      await checkEveryPartner();
    },
    120_000,
  );
});

describe('kill -9 while a 5,000-row upload is being applied, then restart', () => {
  it('1,000 customers in 25 buckets, killed as soon as its journal is pending: each upload whole or absent, every 200 whole', async () => {
    const customers = Array.from({ length: 1000 }, (_, i) => `b${String(i).padStart(4, '0')}`);
    await store().profiles.importPartner(
      {
        partner: { partnerId: 'up-big', name: 'Big', country: 'JP', locations: [] },
        customers: customers.map((customerId) => ({ customerId, ...profile, months: {} })),
        people: [],
      },
      new Date().toISOString(),
    );
    const body = (n: number) => ({
      rows: customers.flatMap((customerId) => monthsOf(n).map((month) => ({ customerId, month, usage: { paidSeats: n + 1 } }))),
    });
    const uploads = [200, 201, 202].map((n) => ({ n, status: 'lost' as number | 'lost' }));
    const h = await restart();
    const stream = (async () => {
      for (const upload of uploads) {
        try {
          upload.status = (await h.api('/api/partners/up-big/usage', { method: 'POST', json: body(upload.n) })).status;
        } catch {
          return;
        }
      }
    })();
    const appliedOf = async (uploadId: string) =>
      (
        await adapters()
          .container.items.query<{ appliedUploads?: string[] }>(
            { query: "SELECT c.appliedUploads FROM c WHERE c.type = 'customers'" },
            { partitionKey: 'up-big' },
          )
          .fetchAll()
      ).resources.filter((b) => b.appliedUploads?.includes(uploadId)).length;
    // Killed mid-apply: the journal committed and some of its buckets written, not all.
    await until(async () => Boolean((await partnerDoc('up-big')).pendingUpload), 60_000, 2).catch(() => undefined);
    const journal = (await partnerDoc('up-big')).pendingUpload;
    if (journal) await until(async () => (await appliedOf(journal.uploadId)) > 0, 5_000, 1).catch(() => undefined);
    await h.kill();
    await stream;
    const pending = (await partnerDoc('up-big')).pendingUpload;
    const applied = pending ? await appliedOf(pending.uploadId) : 0;
    count(
      '5,000-row upload killed mid-apply (journal pending, some but not all buckets written)',
      Boolean(pending) && applied > 0 && applied < pending!.buckets.length,
    );
    console.log(
      `5,000-row upload killed with ${pending ? `its journal pending, ${applied} of ${pending.buckets.length} buckets applied` : 'no journal pending'}`,
    );

    const again = await restart();
    expect((await again.api('/api/partners/up-big/scores?asOf=2025-06-15')).status).toBe(200);
    expect((await partnerDoc('up-big')).pendingUpload).toBeUndefined();
    const facts = (await store().customers.loadFacts('up-big'))!;
    for (const upload of uploads) {
      const rows = rowsOf(facts, upload.n);
      count('5,000-row upload whole or absent after kill -9', rows === 0 || rows === 5000);
      expect(rows === 0 || rows === 5000, `upload ${upload.n}: ${rows} of 5000 rows`).toBe(true);
      if (upload.status === 200) expect(rows).toBe(5000);
      expect(upload.status === 'lost' || upload.status === 200).toBe(true);
    }
  }, 120_000);
});

describe('kill -9 during the nightly fan-out, then restart', () => {
  const DAY = '2025-08-01';
  const N = 1200;

  it('the fan-out resumes, every partner gets exactly one snapshot of the day, equal to its score, and nothing is poisoned', async () => {
    const partners = Array.from({ length: N }, (_, i) => {
      const facts = syntheticPartner(i, { customers: 2, months: 13, people: 2, lastMonth: '2025-07' });
      return { ...facts, partner: { ...facts.partner, partnerId: `night-${String(i).padStart(4, '0')}` } };
    });
    const limit = pLimit(16);
    await Promise.all(partners.map((f) => limit(() => store().profiles.importPartner(f, new Date().toISOString()))));
    const everyPartner = (await store().listings.listPartnerIds(5000)).items;

    const h = await restart();
    const fanOut = h.api('/admin/functions/nightlyRecompute', { method: 'POST', json: { input: { asOf: DAY } } }).catch(() => undefined);
    const checkpoint = async () => (await adapters().container.item(fanOutId(DAY), JOBS_PARTITION).read<FanOutCheckpoint>()).resource;
    await until(async () => Boolean((await checkpoint())?.queued), 60_000, 5);
    await h.kill();
    await fanOut;
    const atKill = await checkpoint();
    console.log(`nightly killed with the checkpoint at ${atKill?.queued} of ${everyPartner.length} queued, done: ${atKill?.done}`);
    count('fan-out killed midway (checkpoint not done)', atKill?.done === false);
    expect(atKill?.done).toBe(false);

    const again = await restart();
    expect((await again.api('/admin/functions/nightlyRecompute', { method: 'POST', json: { input: { asOf: DAY } } })).status).toBe(202);
    expect((await checkpoint())?.done).toBe(true);
    const snapshots = async () =>
      (
        await adapters()
          .container.items.query<Pick<SnapshotDoc, 'partnerId' | 'summary'>>({
            query: "SELECT c.partnerId, c.summary FROM c WHERE c.type = 'snapshot' AND c.day = @d",
            parameters: [{ name: '@d', value: DAY }],
          })
          .fetchAll()
      ).resources;
    await until(async () => (await snapshots()).length >= everyPartner.length, 120_000, 500);
    const stored = await snapshots();
    const byPartner = new Map<string, number>();
    for (const s of stored) byPartner.set(s.partnerId, (byPartner.get(s.partnerId) ?? 0) + 1);
    for (const partnerId of everyPartner) {
      count('partner with exactly one snapshot after a killed fan-out', byPartner.get(partnerId) === 1);
      expect(byPartner.get(partnerId), partnerId).toBe(1);
    }
    expect(stored).toHaveLength(everyPartner.length);
    for (const facts of partners.filter((_, i) => i % 100 === 7)) {
      const summary = stored.find((s) => s.partnerId === facts.partner.partnerId)!.summary;
      const held = JSON.stringify(summary) === JSON.stringify(toScoreSummary(toScoreDocument(scorePartner(facts, ruleSetFor(DAY), DAY))));
      count('snapshot equal to the partner’s score', held);
      expect(held).toBe(true);
    }
    for (const q of [RECOMPUTE_QUEUE, RENEWAL_QUEUE])
      expect((await queue(`${q}-poison`).getProperties()).approximateMessagesCount ?? 0).toBe(0);
  }, 240_000);
});

describe('contention against the host process', () => {
  it('50 concurrent writers to one partner: no lost update, no 5xx', async () => {
    await seedPartner('busy-writers');
    const h = host!;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? h.api(`/api/partners/busy-writers/customers/c000/months/${monthsOf(i)[0]}`, { method: 'PUT', json: { paidSeats: i } })
          : h.api(`/api/partners/busy-writers/people/p${i}`, { method: 'PUT', json: { linkedOn: '2024-01-01' } }),
      ),
    );
    for (const r of responses) count('concurrent writer answered 2xx', r.status < 300);
    expect(responses.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
    const facts = (await store().customers.loadFacts('busy-writers'))!;
    const months = facts.customers.find((c) => c.customerId === 'c000')!.months;
    const kept =
      Array.from({ length: 25 }, (_, j) => months[monthsOf(2 * j)[0]!]?.paidSeats === 2 * j).filter(Boolean).length + facts.people.length;
    for (let i = 0; i < 50; i++) count('concurrent write kept', i < kept);
    expect(kept).toBe(50);
  }, 60_000);

  it('20 concurrent uploads to one partner: every one 200 and whole, none lost', async () => {
    await seedPartner('busy-uploads');
    const h = host!;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, n) => h.api('/api/partners/busy-uploads/usage', { method: 'POST', json: uploadBody(n) })),
    );
    for (const r of responses) count('concurrent upload answered 200', r.status === 200);
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    const facts = (await store().customers.loadFacts('busy-uploads'))!;
    for (let n = 0; n < 20; n++) {
      count('concurrent upload whole', rowsOf(facts, n) === 500);
      expect(rowsOf(facts, n), `upload ${n}`).toBe(500);
    }
  }, 60_000);
});
