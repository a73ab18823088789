import pLimit from 'p-limit';
import type { RecomputeMessage } from '../model/jobs.js';
import type { Checkpoint, Page } from './ports.js';

/** Where a fan-out keeps its progress through the day's pages. */
export interface CheckpointPorts {
  checkpoint(day: string): Promise<Checkpoint | undefined>;
  saveCheckpoint(checkpoint: Checkpoint): Promise<void>;
  now(): string;
}

/** What the nightly fan-out needs from the outside world. */
export interface FanOutPorts extends CheckpointPorts {
  listPartnerIds(limit: number, continuation?: string): Promise<Page<string>>;
  send(message: RecomputeMessage): Promise<void>;
}

export interface FanOutOptions {
  pageSize: number;
  concurrency: number;
}

export const DEFAULT_FAN_OUT: FanOutOptions = { pageSize: 500, concurrency: 32 };

export interface FanOutResult {
  queued: number;
  resumed: boolean;
  alreadyDone: boolean;
}

/**
 * Sends the messages of each item of a day's pages, with bounded concurrency, checkpointing after
 * each page. A run that dies resumes at the last checkpoint (the page in flight is sent again, so
 * the messages must be idempotent); a finished day is not fanned out again.
 */
export async function fanOutPages<T, M>(
  day: string,
  ports: CheckpointPorts & {
    page(limit: number, continuation?: string): Promise<Page<T>>;
    messagesOf(item: T): M[];
    send(message: M): Promise<void>;
  },
  options: FanOutOptions = DEFAULT_FAN_OUT,
): Promise<FanOutResult> {
  const saved = await ports.checkpoint(day);
  if (saved?.done) return { queued: 0, resumed: false, alreadyDone: true };
  const limit = pLimit(options.concurrency);
  let continuation = saved?.continuation;
  let total = saved?.queued ?? 0;
  let queued = 0;
  do {
    const page = await ports.page(options.pageSize, continuation);
    const messages = page.items.flatMap((item) => ports.messagesOf(item));
    // On the first failed send, schedule no more and let those in flight settle before failing the run.
    let failure: { error: unknown } | undefined;
    await Promise.allSettled(
      messages.map((message) =>
        limit(async () => {
          if (failure) return;
          try {
            await ports.send(message);
          } catch (error) {
            failure ??= { error };
          }
        }),
      ),
    );
    if (failure) throw failure.error;
    queued += messages.length;
    total += messages.length;
    continuation = page.continuation;
    await ports.saveCheckpoint({
      day,
      queued: total,
      done: continuation === undefined,
      updatedAt: ports.now(),
      ...(continuation ? { continuation } : {}),
    });
  } while (continuation !== undefined);
  return { queued, resumed: saved !== undefined, alreadyDone: false };
}

/**
 * Puts one nightly recompute message per partner on the queue, a page of partners at a time. A
 * page sent twice is harmless, as a nightly recompute of a partner already done that day does
 * nothing.
 */
export function fanOutRecompute(day: string, ports: FanOutPorts, options: FanOutOptions = DEFAULT_FAN_OUT): Promise<FanOutResult> {
  return fanOutPages(
    day,
    {
      ...ports,
      page: ports.listPartnerIds,
      messagesOf: (partnerId: string): RecomputeMessage[] => [{ partnerId, reason: 'nightly', asOf: day }],
    },
    options,
  );
}
