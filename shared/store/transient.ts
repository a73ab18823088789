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
