import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Container, SqlQuerySpec } from '@azure/cosmos';
import { z } from 'zod';
import { invalidField, refuse, type RefusedError } from '../refusal.js';
import { settings, type Settings } from '../settings.js';
import { statusOf } from './transient.js';
import type { Page } from './partnerViews.js';

/**
 * Continuation tokens as the API hands them out: the storage token, the listing it belongs to and
 * an HMAC-SHA256 of both under a server secret, base64url. A token that was altered, truncated,
 * made up, forged or taken from another listing is refused as invalid rather than a storage error
 * (500) or a silent restart at page one. The MAC is for integrity, not secrecy (the storage token
 * inside is readable): a caller can only page through what it may list anyway, but it cannot hand
 * the store a token the service did not give.
 */
const Envelope = z.strictObject({ l: z.string(), t: z.string(), s: z.string() });

/**
 * The key of the MAC, from the settings (cached per settings object, so a reset re-derives it):
 * - `CONTINUATION_SECRET` when set (the Bicep always sets it);
 * - else derived from `FUNCTIONS_KEY` (the local host always has one), so tokens survive a restart
 *   and span instances as long as the key does;
 * - else a random key for this process: tokens then do not survive a restart nor span instances
 *   (a client whose token is refused starts again without it). Only a host with neither setting,
 *   which accepts no function key, gets there.
 */
export function continuationKey(s: Pick<Settings, 'CONTINUATION_SECRET' | 'FUNCTIONS_KEY'>): Buffer {
  if (s.CONTINUATION_SECRET) return Buffer.from(s.CONTINUATION_SECRET, 'utf8');
  if (s.FUNCTIONS_KEY) return createHmac('sha256', s.FUNCTIONS_KEY).update('continuation tokens').digest();
  return randomBytes(32);
}

let cachedKey: { for: Settings; key: Buffer } | undefined;
function serverKey(): Buffer {
  const s = settings();
  if (cachedKey?.for !== s) cachedKey = { for: s, key: continuationKey(s) };
  return cachedKey.key;
}

// JSON of the pair, so no listing/token split can be read two ways.
const mac = (key: Buffer, listing: string, token: string) =>
  createHmac('sha256', key)
    .update(JSON.stringify([listing, token]))
    .digest('base64url')
    .slice(0, 22);

const sameMac = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

const notOurs = (): RefusedError =>
  refuse(
    invalidField(
      'continuation',
      'not a continuation token this listing gave (altered, truncated or from another listing); start again without it',
    ),
  );

export function encodeContinuation(listing: string, token: string, key: Buffer = serverKey()): string {
  return Buffer.from(JSON.stringify({ l: listing, t: token, s: mac(key, listing, token) })).toString('base64url');
}

/** The storage token inside, or an `invalid` refusal naming the `continuation` given. */
export function decodeContinuation(listing: string, given: string, key: Buffer = serverKey()): string {
  if (!/^[A-Za-z0-9_-]+$/.test(given)) throw notOurs();
  let envelope: z.infer<typeof Envelope>;
  try {
    envelope = Envelope.parse(JSON.parse(Buffer.from(given, 'base64url').toString('utf8')));
  } catch {
    throw notOurs();
  }
  if (envelope.l !== listing || !sameMac(envelope.s, mac(key, listing, envelope.t))) throw notOurs();
  return envelope.t;
}

/**
 * One page of a query, for every listing: the continuation it takes and gives is the signed token
 * bound to `listing` (what is listed and with which arguments), so a token is only good for the
 * listing that gave it. Should the store still reject a token we signed (say, one from before a
 * change of its format), that is the same `invalid` continuation, not a 500; storage hiccups and
 * lost races stay what they are.
 */
export async function queryPage<T>(
  container: Container,
  listing: string,
  query: SqlQuerySpec,
  limit: number,
  continuation: string | undefined,
  options: { partitionKey?: string } = {},
): Promise<Page<T>> {
  const token = continuation === undefined ? undefined : decodeContinuation(listing, continuation);
  let page;
  try {
    page = await container.items
      .query<T>(query, { ...options, maxItemCount: limit, ...(token !== undefined ? { continuationToken: token } : {}) })
      .fetchNext();
  } catch (error) {
    // Only what a bad token causes: Cosmos refusing it (400) or the SDK failing to parse it. An outage
    // or a refused request (403, 404, 5xx) stays what it is.
    if (token !== undefined && (statusOf(error) === 400 || error instanceof TypeError || error instanceof SyntaxError)) throw notOurs();
    throw error;
  }
  return {
    items: page.resources,
    ...(page.continuationToken ? { continuation: encodeContinuation(listing, page.continuationToken) } : {}),
  };
}
