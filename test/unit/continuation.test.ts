import { describe, expect, it } from 'vitest';
import { decodeContinuation, encodeContinuation } from '../../shared/store/continuation.js';
import { RefusedError, type Refusal } from '../../shared/refusal.js';

const refusalOf = (work: () => unknown): Refusal | undefined => {
  try {
    work();
  } catch (error) {
    if (error instanceof RefusedError) return error.refusal;
    throw error;
  }
  return undefined;
};

const NOT_OURS = {
  kind: 'invalid',
  issues: [
    {
      path: 'continuation',
      message: 'not a continuation token this listing gave (altered, truncated or from another listing); start again without it',
    },
  ],
};

describe('continuation tokens of the one paged query', () => {
  it('a token comes back to its own listing as the storage token it wraps', () => {
    expect(decodeContinuation('partnerIds', encodeContinuation('partnerIds', '{"token":"+RID:~abc"}'))).toBe('{"token":"+RID:~abc"}');
  });

  it('a token borrowed from another listing, altered, truncated or made up is an invalid `continuation`, not a storage error', () => {
    const token = encodeContinuation('anniversaries 01-21', 'storage-token');
    expect(refusalOf(() => decodeContinuation('anniversaries 01-22', token))).toEqual(NOT_OURS);
    expect(refusalOf(() => decodeContinuation('anniversaries 01-21', token.slice(0, -2)))).toEqual(NOT_OURS);
    expect(refusalOf(() => decodeContinuation('anniversaries 01-21', `${token.slice(0, 10)}A${token.slice(11)}`))).toEqual(NOT_OURS);
    expect(refusalOf(() => decodeContinuation('partners', 'abc+/='))).toEqual(NOT_OURS);
  });
});
