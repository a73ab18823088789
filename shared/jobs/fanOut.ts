import pLimit from 'p-limit';
import type { RecomputeMessage } from '../model/jobs.js';
import type { FanOutCheckpoint } from '../store/documents.js';
import type { Page } from '../store/partnerStore.js';

/** What the nightly fan-out needs from the outside world. */
export interface FanOutPorts {
  listPartnerIds(limit: number, continuation?: string): Promise<Page<string>>;
  send(message: RecomputeMessage): Promise<void>;
  checkpoint(day: string): Promise<FanOutCheckpoint | undefined>;
  saveCheckpoint(checkpoint: Omit<FanOutCheckpoint, 'id' | 'partnerId' | 'type'>): Promise<void>;
  now(): string;
}

export interface FanOutOptions {
  pageSize: number;
  concurrency: number;
}

export const DEFAULT_FAN_OUT: FanOutOptions = { pageSize: 500, concurrency: 32 };

/**
 * Puts one nightly recompute message per partner on the queue, a page of partners at a time with
 * bounded concurrency, checkpointing after each page. A run that dies resumes at the last
 * checkpoint; a page sent twice is harmless, as a nightly recompute of a partner already done that
 * day does nothing. A finished day is not fanned out again.
 */
export async function fanOutRecompute(day: string, ports: FanOutPorts, options: FanOutOptions = DEFAULT_FAN_OUT): Promise<{ queued: number; resumed: boolean; alreadyDone: boolean }> {
  const saved = await ports.checkpoint(day);
  if (saved?.done) return { queued: 0, resumed: false, alreadyDone: true };
  const limit = pLimit(options.concurrency);
  let continuation = saved?.continuation;
  let total = saved?.queued ?? 0;
  let queued = 0;
  do {
    const page = await ports.listPartnerIds(options.pageSize, continuation);
    // On the first failed send, schedule no more and let those in flight settle before failing the run.
    let failure: { error: unknown } | undefined;
    await Promise.allSettled(
      page.items.map((partnerId) =>
        limit(async () => {
          if (failure) return;
          try {
            await ports.send({ partnerId, reason: 'nightly', asOf: day });
          } catch (error) {
            failure ??= { error };
          }
        }),
      ),
    );
    if (failure) throw failure.error;
    queued += page.items.length;
    total += page.items.length;
    continuation = page.continuation;
    await ports.saveCheckpoint({ day, queued: total, done: continuation === undefined, updatedAt: ports.now(), ...(continuation ? { continuation } : {}) });
  } while (continuation !== undefined);
  return { queued, resumed: saved !== undefined, alreadyDone: false };
}
