import { contention, tooLarge, type Refusal } from '../refusal.js';

/** Cosmos DB and network failures worth retrying: throttling, unavailability, timeouts. */
export function isTransient(error: unknown): boolean {
  const e = error as { code?: unknown; statusCode?: unknown; name?: unknown } | null;
  const status = Number(e?.code ?? e?.statusCode);
  if ([408, 429, 449, 500, 503].includes(status)) return true;
  return e?.name === 'TimeoutError' || ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT'].includes(String(e?.code));
}

export function statusOf(error: unknown): number | undefined {
  const code = Number((error as { code?: unknown } | null)?.code);
  return Number.isFinite(code) ? code : undefined;
}

/**
 * What a storage failure that escaped means to the caller: a hiccup or a lost race (someone else
 * wrote first: never the caller's fault nor a failure) is contention, an item over the limit is
 * too large; anything else is no refusal but a failure.
 */
export function storageRefusal(error: unknown): Refusal | undefined {
  if (isTransient(error)) return contention('storage is busy; retry shortly', 1);
  const status = statusOf(error);
  if (status === 409 || status === 412) return contention('the data changed while this request ran; retry shortly', 1);
  if (status === 413) return tooLarge('the change would exceed the storage limit of one document; nothing was written');
  return undefined;
}
