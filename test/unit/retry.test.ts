import { describe, expect, it } from 'vitest';
import { retryAfterMs, withRetry } from '../../shared/store/retry.js';

const failing = (errors: unknown[]) => {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    run: async () => {
      const error = errors[calls++];
      if (error) throw error;
      return 'done';
    },
  };
};

const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 5000 };

describe('retrying transient storage failures', () => {
  it('waits what a 429 asks for, then succeeds', async () => {
    const waits: number[] = [];
    const op = failing([
      { code: 429, retryAfterInMs: 1234 },
      { code: 503, retryAfterInMs: 10 },
    ]);
    expect(await withRetry(op.run, policy, async (ms) => void waits.push(ms))).toBe('done');
    expect(waits).toEqual([1234, 10]);
  });

  it('backs off exponentially when no wait is given, capped', async () => {
    const waits: number[] = [];
    const op = failing([{ code: 408 }, { code: 'ECONNRESET' }, { code: 503 }]);
    await withRetry(op.run, policy, async (ms) => void waits.push(ms));
    expect(waits).toHaveLength(3);
    waits.forEach((w, i) => {
      expect(w).toBeGreaterThanOrEqual(50 * 2 ** i);
      expect(w).toBeLessThanOrEqual(100 * 2 ** i);
    });
  });

  it('does not retry what is not transient', async () => {
    const op = failing([{ code: 412 }]);
    await expect(withRetry(op.run, policy, async () => undefined)).rejects.toEqual({ code: 412 });
    expect(op.calls).toBe(1);
  });

  it('gives up after the last attempt with the last error', async () => {
    const op = failing([{ code: 429 }, { code: 429 }, { code: 429 }, { code: 429, n: 4 }]);
    await expect(withRetry(op.run, policy, async () => undefined)).rejects.toEqual({ code: 429, n: 4 });
    expect(op.calls).toBe(4);
  });

  it('reads retry-after from the error or its headers', () => {
    expect(retryAfterMs({ retryAfterInMilliseconds: 20 })).toBe(20);
    expect(retryAfterMs({ headers: { 'x-ms-retry-after-ms': '35' } })).toBe(35);
    expect(retryAfterMs(new Error('x'))).toBeUndefined();
  });
});
