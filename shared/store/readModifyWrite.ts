import type { Container } from '@azure/cosmos';
import { ApiError, conflict } from '../http/errors.js';
import { MAX_DOCUMENT_BYTES } from './documents.js';
import { statusOf } from './transient.js';

const ATTEMPTS = 8;

/**
 * Optimistic concurrency for one document: read, change, write back only if nobody wrote in
 * between (If-Match on the read ETag), else start again on fresh data, so concurrent writers never
 * lose each other's work. `change` sees the current document (or undefined) and may refuse by
 * throwing, e.g. a 412 for a caller's stale entity version. Returning the document it was given
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
): Promise<{ doc: T; previous: T | undefined }> {
  const item = container.item(id, partnerId);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = attempt === 0 && known ? known.current : (await item.read<T>()).resource;
    const next = change(current);
    if (current !== undefined && next === current) return { doc: current, previous: current };
    if (Buffer.byteLength(JSON.stringify(next)) > MAX_DOCUMENT_BYTES) {
      throw new ApiError(413, { error: 'too_large', message: `${what} would exceed the storage limit of one document` });
    }
    try {
      const { resource } = current ? await item.replace<T>(next, { accessCondition: { type: 'IfMatch', condition: current._etag! } }) : await container.items.create<T>(next);
      return { doc: resource as T, previous: current };
    } catch (error) {
      const status = statusOf(error);
      if (status !== 412 && status !== 409) throw error;
    }
  }
  throw conflict(`${what} is being changed by many writers at once; retry`);
}
