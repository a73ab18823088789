import { contention, refuse } from '../refusal.js';

/**
 * How long a writer that lost a race waits before trying again: exponential, with full jitter
 * so that many writers of one partner spread out instead of colliding again in lock step.
 */
export const CONTENTION = { attempts: 14, baseDelayMs: 10, maxDelayMs: 700, retryAfterSeconds: 1 };

export function contentionDelay(attempt: number, random = Math.random): number {
  return Math.min(CONTENTION.maxDelayMs, CONTENTION.baseDelayMs * 2 ** attempt) * (0.25 + random() * 0.75);
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What a writer answers when it still cannot commit after every attempt: try again later. */
export const tooManyWriters = (what: string) =>
  refuse(
    contention(`${what} is being changed by many writers at once; retry after the time given in Retry-After`, CONTENTION.retryAfterSeconds),
  );
