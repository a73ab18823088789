import type { Container } from '@azure/cosmos';
import { conflict, preconditionFailed } from '../http/errors.js';
import { sameEtag } from './etag.js';
import { statusOf } from './transient.js';

const ATTEMPTS = 5;

export interface Written<T> {
  doc: T & { _etag: string };
  created: boolean;
}

/**
 * Optimistic concurrency for one document: read, change, write back only if nobody wrote in
 * between (If-Match on the read ETag). With the caller's If-Match, a mismatch is the caller's 412;
 * without it, a lost race is retried on fresh data, so concurrent writers never lose each other's work.
 */
export async function readModifyWrite<T extends { id: string; partnerId: string; _etag?: string }>(
  container: Container,
  id: string,
  partnerId: string,
  change: (current: T | undefined) => T,
  what: string,
  ifMatch?: string,
): Promise<Written<T>> {
  const item = container.item(id, partnerId);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { resource: current } = await item.read<T>();
    if (ifMatch !== undefined && (current === undefined || (ifMatch !== '*' && !sameEtag(current._etag, ifMatch)))) throw preconditionFailed(what);
    const next = change(current);
    try {
      const { resource } = current
        ? await item.replace<T>(next, { accessCondition: { type: 'IfMatch', condition: current._etag! } })
        : await container.items.create<T>(next);
      return { doc: resource as T & { _etag: string }, created: current === undefined };
    } catch (error) {
      const status = statusOf(error);
      if (status !== 412 && status !== 409) throw error;
      if (ifMatch !== undefined) throw preconditionFailed(what);
    }
  }
  throw conflict(`${what} is being changed by many writers at once; retry`);
}
