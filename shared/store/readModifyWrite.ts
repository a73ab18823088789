import type { Container } from '@azure/cosmos';
import { refuse, tooLarge } from '../refusal.js';
import { CONTENTION, contentionDelay, pause, tooManyWriters } from './contention.js';
import { MAX_DOCUMENT_BYTES } from './documents.js';
import { statusOf } from './transient.js';

export function documentBytes(doc: unknown): number {
  return Buffer.byteLength(JSON.stringify(doc));
}

/**
 * Optimistic concurrency for one document: read, change, write back only if nobody wrote in
 * between (If-Match on the read ETag), else wait a jittered, growing while and start again on
 * fresh data, so concurrent writers never lose each other's work; when it still cannot commit,
 * a contention refusal. `change` sees the current document (or undefined) and may refuse by
 * throwing, e.g. `stale` for a caller's old entity version. Returning the document it was given
 * unchanged (the same object) writes nothing.
 */
export async function readModifyWrite<T extends { id: string; partnerId: string; _etag?: string }>(
  container: Container,
  id: string,
  partnerId: string,
  change: (current: T | undefined) => T,
  what: string,
  /** The document as the caller has just read it (`{ current: undefined }`: known absent), to start from without reading it again. */
  known?: { current: T | undefined },
  limitBytes = MAX_DOCUMENT_BYTES,
): Promise<{ doc: T; previous: T | undefined }> {
  const item = container.item(id, partnerId);
  for (let attempt = 0; attempt < CONTENTION.attempts; attempt++) {
    if (attempt > 0) await pause(contentionDelay(attempt - 1));
    const current = attempt === 0 && known ? known.current : (await item.read<T>()).resource;
    const next = change(current);
    if (current !== undefined && next === current) return { doc: current, previous: current };
    if (documentBytes(next) > limitBytes) throw refuse(tooLarge(`${what} would exceed the storage limit of one document`));
    try {
      const { resource } = current
        ? await item.replace<T>(next, { accessCondition: { type: 'IfMatch', condition: current._etag! } })
        : await container.items.create<T>(next);
      return { doc: resource as T, previous: current };
    } catch (error) {
      const status = statusOf(error);
      if (status !== 412 && status !== 409) throw error;
    }
  }
  throw tooManyWriters(what);
}
