import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../functions/edge/respond.js';
import { refuse, refused } from '../../shared/refusal.js';
import { CONTENTION, contentionDelay, tooManyWriters } from '../../shared/store/contention.js';

const context = { error: () => undefined, invocationId: 'test' };

describe('losing races', () => {
  it('the pause grows exponentially, capped, with jitter between a quarter and all of it', () => {
    for (let attempt = 0; attempt < CONTENTION.attempts; attempt++) {
      const full = Math.min(CONTENTION.maxDelayMs, CONTENTION.baseDelayMs * 2 ** attempt);
      expect(contentionDelay(attempt, () => 0)).toBe(full * 0.25);
      expect(contentionDelay(attempt, () => 1)).toBe(full);
    }
    expect(contentionDelay(20, () => 1)).toBe(CONTENTION.maxDelayMs);
  });

  it('all the pauses together stay within a few seconds (a request is never held long)', () => {
    const worst = Array.from({ length: CONTENTION.attempts }, (_, a) => contentionDelay(a, () => 1)).reduce((s, d) => s + d, 0);
    expect(worst).toBeLessThan(8_000);
  });

  it('still losing after every attempt: 503 with Retry-After, not 409', () => {
    const response = errorResponse(tooManyWriters('partner p'), context);
    expect(response.status).toBe(503);
    expect(response.headers).toMatchObject({ 'Retry-After': String(CONTENTION.retryAfterSeconds) });
  });

  it.each([412, 409])('a raw storage %s that escapes (a lost race) is a 503 with Retry-After, never a 500', (code) => {
    const response = errorResponse(Object.assign(new Error('precondition'), { code }), context);
    expect(response.status).toBe(503);
    expect(response.headers).toMatchObject({ 'Retry-After': '1' });
  });

  it('a raw storage 413 (an item over the limit) is a 413, never a 500', () => {
    expect(errorResponse(Object.assign(new Error('too large'), { code: 413 }), context).status).toBe(413);
  });

  it('a refusal of ours keeps its own status', () => {
    expect(errorResponse(refuse(refused('partnerExists', 'exists')), context).status).toBe(409);
  });
});
