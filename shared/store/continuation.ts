import { createHash } from 'node:crypto';
import type { Container, SqlQuerySpec } from '@azure/cosmos';
import { z } from 'zod';
import { invalidField, refuse } from '../refusal.js';
import type { Page } from './partnerViews.js';

/**
 * Continuation tokens as the API hands them out: the storage token, the listing it belongs to and
 * a checksum of both, base64url. A token that was altered, truncated, made up or taken from another
 * listing is refused as invalid rather than a storage error (500) or a silent restart at page one. The checksum
 * is for integrity, not secrecy: a caller can only page through what it may list anyway.
 */
const Envelope = z.strictObject({ l: z.string(), t: z.string(), s: z.string() });

const checksum = (listing: string, token: string) => createHash('sha256').update(`${listing}\n${token}`).digest('base64url').slice(0, 22);

export function encodeContinuation(listing: string, token: string): string {
  return Buffer.from(JSON.stringify({ l: listing, t: token, s: checksum(listing, token) })).toString('base64url');
}

/** The storage token inside, or an `invalid` refusal naming the `continuation` given. */
export function decodeContinuation(listing: string, given: string): string {
  const refused = () =>
    refuse(
      invalidField(
        'continuation',
        'not a continuation token this listing gave (altered, truncated or from another listing); start again without it',
      ),
    );
  if (!/^[A-Za-z0-9_-]+$/.test(given)) throw refused();
  let envelope: z.infer<typeof Envelope>;
  try {
    envelope = Envelope.parse(JSON.parse(Buffer.from(given, 'base64url').toString('utf8')));
  } catch {
    throw refused();
  }
  if (envelope.l !== listing || envelope.s !== checksum(listing, envelope.t)) throw refused();
  return envelope.t;
}

/**
 * One page of a query, for every listing: the continuation it takes and gives is the checksummed
 * token bound to `listing` (what is listed and with which arguments), so a token is only good for
 * the listing that gave it.
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
  const page = await container.items
    .query<T>(query, { ...options, maxItemCount: limit, ...(token ? { continuationToken: token } : {}) })
    .fetchNext();
  return {
    items: page.resources,
    ...(page.continuationToken ? { continuation: encodeContinuation(listing, page.continuationToken) } : {}),
  };
}
