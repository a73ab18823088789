import { describe, expect, it } from 'vitest';
import { renewalTerms } from '../../rules/index.js';
import { fanOutRenewals, type RenewalFanOutPorts } from '../../shared/jobs/renewalFanOut.js';
import type { RenewalMessage } from '../../shared/model/jobs.js';
import type { FanOutCheckpoint } from '../../shared/store/documents.js';

/** In-memory ports: partners with anniversaries, selected by month-day and paged by index; a message log; a checkpoint cell. */
function world(partners: { partnerId: string; anniversary: string }[], failAfterSends = Infinity) {
  const sent: RenewalMessage[] = [];
  const asked: string[][] = [];
  let saved: FanOutCheckpoint | undefined;
  const ports: RenewalFanOutPorts = {
    partnersWithAnniversaryOn: async (monthDays, limit, continuation) => {
      asked.push([...monthDays]);
      const due = partners.filter((p) => monthDays.includes(p.anniversary.slice(5)));
      const start = Number(continuation ?? 0);
      const next = start + limit;
      return { items: due.slice(start, next), ...(next < due.length ? { continuation: String(next) } : {}) };
    },
    send: async (message) => {
      if (sent.length >= failAfterSends) throw new Error('the host died');
      sent.push(message);
    },
    checkpoint: async () => saved,
    saveCheckpoint: async (c) => {
      saved = { id: `fanOut:renewals:${c.day}`, partnerId: '_jobs', type: 'fanOut', ...c };
    },
    now: () => '2025-06-15T06:00:00Z',
  };
  return { sent, asked, ports, setFailAfter: (n: number) => (failAfterSends = n), checkpoint: () => saved };
}

const DAY = '2025-06-15';
// Due on 2025-06-15: the renewal of 06-15, the preview of 07-15, the fee check of 05-16.
const population = Array.from({ length: 250 }, (_, i) => ({
  partnerId: `p${String(i).padStart(3, '0')}`,
  anniversary: ['2024-06-15', '2023-07-15', '2024-05-16', '2024-06-16', '2025-06-15', '2025-07-15'][i % 6]!,
}));

describe('daily renewals fan-out', () => {
  it('queues each due step once, page by page, and marks the day done; run again the same day, it queues nothing', async () => {
    const w = world(population);
    const result = await fanOutRenewals(DAY, renewalTerms, w.ports, { pageSize: 50, concurrency: 4 });
    const expected = population.flatMap(({ partnerId, anniversary }) => {
      if (anniversary === '2024-06-15' || anniversary === '2025-06-15') return [{ partnerId, anniversary: DAY, step: 'renew', asOf: DAY }];
      if (anniversary === '2023-07-15' || anniversary === '2025-07-15')
        return [{ partnerId, anniversary: '2025-07-15', step: 'preview', asOf: DAY }];
      if (anniversary === '2024-05-16') return [{ partnerId, anniversary: '2025-05-16', step: 'feeDue', asOf: DAY }];
      return [];
    });
    expect(w.sent).toEqual(expected);
    expect(result).toEqual({ queued: expected.length, resumed: false, alreadyDone: false });
    expect(w.asked[0]).toEqual(['05-16', '06-15', '07-15']);
    expect(w.checkpoint()).toMatchObject({ day: DAY, queued: expected.length, done: true });
    expect(await fanOutRenewals(DAY, renewalTerms, w.ports)).toEqual({ queued: 0, resumed: false, alreadyDone: true });
    expect(w.sent).toHaveLength(expected.length);
  });

  it('a run that dies midway resumes at the last finished page: every step at least once, only the page in flight twice', async () => {
    const w = world(population, 60);
    await expect(fanOutRenewals(DAY, renewalTerms, w.ports, { pageSize: 50, concurrency: 1 })).rejects.toThrow('the host died');
    // Only partners with a step due are selected, one step each, 50 a page: the first page is checkpointed, the second died after 10 sends.
    expect(w.checkpoint()).toMatchObject({ queued: 50, done: false, continuation: '50' });
    w.setFailAfter(Infinity);
    const rerun = await fanOutRenewals(DAY, renewalTerms, w.ports, { pageSize: 50, concurrency: 4 });
    expect(rerun.resumed).toBe(true);
    const keys = w.sent.map((m) => `${m.partnerId} ${m.step}`);
    expect(new Set(keys).size).toBe(population.filter((p) => !p.anniversary.endsWith('06-16')).length);
    expect(keys.length - new Set(keys).size).toBe(10);
    expect(w.checkpoint()).toMatchObject({ done: true, queued: new Set(keys).size });
  });

  it('a partner whose anniversary is later than the step has nothing due yet', async () => {
    const w = world([{ partnerId: 'new', anniversary: '2026-06-15' }]);
    expect(await fanOutRenewals(DAY, renewalTerms, w.ports)).toEqual({ queued: 0, resumed: false, alreadyDone: false });
    expect(w.sent).toEqual([]);
  });
});
