import { describe, expect, it } from 'vitest';
import { fanOutRecompute, type FanOutPorts } from '../../shared/jobs/fanOut.js';
import type { RecomputeMessage } from '../../shared/model/jobs.js';
import type { FanOutCheckpoint } from '../../shared/store/documents.js';

/** In-memory ports: a list of partner ids paged by index, a message log, a checkpoint cell. */
function world(partners: number, failAfterSends = Infinity) {
  const ids = Array.from({ length: partners }, (_, i) => `p${String(i).padStart(4, '0')}`);
  const sent: RecomputeMessage[] = [];
  let saved: FanOutCheckpoint | undefined;
  const ports: FanOutPorts = {
    listPartnerIds: async (limit, continuation) => {
      const start = Number(continuation ?? 0);
      const next = start + limit;
      return { items: ids.slice(start, next), ...(next < ids.length ? { continuation: String(next) } : {}) };
    },
    send: async (message) => {
      if (sent.length >= failAfterSends) throw new Error('the host died');
      sent.push(message);
    },
    checkpoint: async () => saved,
    saveCheckpoint: async (c) => {
      saved = { id: `fanOut:${c.day}`, partnerId: '_jobs', type: 'fanOut', ...c };
    },
    now: () => '2025-06-15T02:00:00Z',
  };
  return { ids, sent, ports, setFailAfter: (n: number) => (failAfterSends = n), checkpoint: () => saved };
}

describe('nightly fan-out', () => {
  it('sends one nightly message per partner, page by page, and marks the day done', async () => {
    const w = world(1234);
    const result = await fanOutRecompute('2025-06-15', w.ports, { pageSize: 500, concurrency: 8 });
    expect(result).toEqual({ queued: 1234, resumed: false, alreadyDone: false });
    expect(w.sent.map((m) => m.partnerId)).toEqual(w.ids);
    expect(w.sent[0]).toEqual({ partnerId: 'p0000', reason: 'nightly', asOf: '2025-06-15' });
    expect(w.checkpoint()).toMatchObject({ day: '2025-06-15', queued: 1234, done: true });
    expect(w.checkpoint()!.continuation).toBeUndefined();
  });

  it('a run that dies midway resumes at the last finished page; a finished day is not sent again', async () => {
    const w = world(1000, 250);
    await expect(fanOutRecompute('2025-06-15', w.ports, { pageSize: 100, concurrency: 4 })).rejects.toThrow('the host died');
    expect(w.checkpoint()).toMatchObject({ queued: 200, done: false, continuation: '200' });
    w.setFailAfter(Infinity);
    const rerun = await fanOutRecompute('2025-06-15', w.ports, { pageSize: 100, concurrency: 4 });
    expect(rerun).toEqual({ queued: 800, resumed: true, alreadyDone: false });
    // Every partner at least once; only the page in flight when it died went twice.
    expect(new Set(w.sent.map((m) => m.partnerId)).size).toBe(1000);
    expect(w.sent.length).toBe(1050);
    expect(await fanOutRecompute('2025-06-15', w.ports)).toEqual({ queued: 0, resumed: false, alreadyDone: true });
    expect(w.sent.length).toBe(1050);
  });

  it('keeps at most `concurrency` sends in flight', async () => {
    const w = world(200);
    let inFlight = 0;
    let most = 0;
    const send = w.ports.send;
    w.ports.send = async (m) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 1));
      await send(m);
      inFlight--;
    };
    await fanOutRecompute('2025-06-15', w.ports, { pageSize: 200, concurrency: 7 });
    expect(most).toBe(7);
  });
});
