import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { continuationKey, decodeContinuation, encodeContinuation, queryPage } from '../../shared/store/continuation.js';
import { resetSettings } from '../../shared/settings.js';
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

const KEY = continuationKey({ CONTINUATION_SECRET: 'a-server-secret-of-at-least-32-characters', FUNCTIONS_KEY: undefined });
const OTHER_KEY = continuationKey({ CONTINUATION_SECRET: 'another-server-secret-of-32-characters-or-more', FUNCTIONS_KEY: undefined });
const encode = (listing: string, token: string, key = KEY) => encodeContinuation(listing, token, key);
const decode = (listing: string, given: string, key = KEY) => decodeContinuation(listing, given, key);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('continuation tokens of the one paged query', () => {
  it('a token comes back to its own listing as the storage token it wraps', () => {
    expect(decode('partnerIds', encode('partnerIds', '{"token":"+RID:~abc"}'))).toBe('{"token":"+RID:~abc"}');
  });

  it('a token borrowed from another listing, altered, truncated or made up is an invalid `continuation`, not a storage error', () => {
    const token = encode('anniversaries 01-21', 'storage-token');
    expect(refusalOf(() => decode('anniversaries 01-22', token))).toEqual(NOT_OURS);
    expect(refusalOf(() => decode('anniversaries 01-21', token.slice(0, -2)))).toEqual(NOT_OURS);
    expect(refusalOf(() => decode('anniversaries 01-21', `${token.slice(0, 10)}A${token.slice(11)}`))).toEqual(NOT_OURS);
    expect(refusalOf(() => decode('partners', 'abc+/='))).toEqual(NOT_OURS);
  });

  it('a token signed with another key, or forged with a plain SHA-256 of its content, is refused', () => {
    expect(refusalOf(() => decode('partners', encode('partners', 'storage-token', OTHER_KEY)))).toEqual(NOT_OURS);
    const t = '{"compositeToken":"x"}';
    for (const input of [`partners\n${t}`, JSON.stringify(['partners', t])]) {
      const s = createHash('sha256').update(input).digest('base64url').slice(0, 22);
      expect(refusalOf(() => decode('partners', b64({ l: 'partners', t, s })))).toEqual(NOT_OURS);
    }
    // The MAC of one token does not vouch for another.
    const genuine = JSON.parse(Buffer.from(encode('partners', 'storage-token'), 'base64url').toString()) as { s: string };
    expect(refusalOf(() => decode('partners', b64({ l: 'partners', t: 'garbage', s: genuine.s })))).toEqual(NOT_OURS);
  });
});

describe('the key tokens are signed with', () => {
  it('is CONTINUATION_SECRET when set, whatever the function key', () => {
    expect(continuationKey({ CONTINUATION_SECRET: 'x'.repeat(32), FUNCTIONS_KEY: 'a-function-key-1234' })).toEqual(
      Buffer.from('x'.repeat(32)),
    );
  });

  it('is otherwise derived from FUNCTIONS_KEY: the same on every instance and restart, and not the function key itself', () => {
    const derived = continuationKey({ CONTINUATION_SECRET: undefined, FUNCTIONS_KEY: 'a-function-key-1234' });
    expect(continuationKey({ CONTINUATION_SECRET: undefined, FUNCTIONS_KEY: 'a-function-key-1234' })).toEqual(derived);
    expect(derived.toString('utf8')).not.toContain('a-function-key-1234');
    expect(continuationKey({ CONTINUATION_SECRET: undefined, FUNCTIONS_KEY: 'another-function-key' })).not.toEqual(derived);
  });

  it('with neither setting, is random: a token of one process is refused by another', () => {
    const one = continuationKey({ CONTINUATION_SECRET: undefined, FUNCTIONS_KEY: undefined });
    const two = continuationKey({ CONTINUATION_SECRET: undefined, FUNCTIONS_KEY: undefined });
    expect(one).toHaveLength(32);
    expect(refusalOf(() => decode('partners', encode('partners', 'storage-token', one), two))).toEqual(NOT_OURS);
  });
});

describe('queryPage, when the store rejects a token we signed', () => {
  const failing = (error: unknown) => ({ items: { query: () => ({ fetchNext: () => Promise.reject(error) }) } }) as unknown as Container;
  afterEach(() => {
    vi.unstubAllEnvs();
    resetSettings();
  });
  const refusalOfAsync = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      if (error instanceof RefusedError) return error.refusal;
      return error;
    }
    return undefined;
  };

  it('is an invalid `continuation`, not a 500; a storage hiccup stays one, and without a token nothing is reinterpreted', async () => {
    vi.stubEnv('COSMOS_ENDPOINT', 'https://localhost:8081');
    vi.stubEnv('AzureWebJobsStorage', 'UseDevelopmentStorage=true');
    vi.stubEnv('CONTINUATION_SECRET', 'a-server-secret-of-at-least-32-characters');
    resetSettings();
    const token = encodeContinuation('partners', '{"compositeToken":"x"}');
    const sdkBug = new TypeError("Cannot read properties of undefined (reading 'slice')");
    expect(await refusalOfAsync(queryPage(failing(sdkBug), 'partners', { query: 'SELECT * FROM c' }, 1, token))).toEqual(NOT_OURS);
    expect(await refusalOfAsync(queryPage(failing({ code: 400 }), 'partners', { query: 'SELECT * FROM c' }, 1, token))).toEqual(NOT_OURS);
    const throttled = { code: 429 };
    expect(await refusalOfAsync(queryPage(failing(throttled), 'partners', { query: 'SELECT * FROM c' }, 1, token))).toBe(throttled);
    // A refused or failed request is not the token's fault: it is not hidden behind a 400.
    const forbidden = { code: 403 };
    expect(await refusalOfAsync(queryPage(failing(forbidden), 'partners', { query: 'SELECT * FROM c' }, 1, token))).toBe(forbidden);
    expect(await refusalOfAsync(queryPage(failing(sdkBug), 'partners', { query: 'SELECT * FROM c' }, 1, undefined))).toBe(sdkBug);
  });
});
