import type { FieldIssue } from './model/issues.js';

/**
 * Why the service will not do what was asked, as a value of the domain: the core returns one, the
 * store throws one inside a RefusedError, and only the edge (functions/edge/refusals.ts) decides
 * how HTTP answers it. A field issue's path names a field of what the core or store was given
 * (`rows[2].customerId`, `continuation`); the edge says where in the request that was.
 */
export type Refusal =
  | { kind: 'invalid'; issues: FieldIssue[] }
  /** A business rule says no; `reason` is a code for programs, `message` a sentence a portal can show. */
  | { kind: 'refused'; reason: string; message: string }
  | { kind: 'notFound'; what: string; message: string }
  /** The caller's version (If-Match) of `what` is no longer the current one. */
  | { kind: 'stale'; what: string }
  /** A stored document would outgrow what one item may hold. */
  | { kind: 'tooLarge'; message: string }
  /** Too many writers at once: nothing was written, try again after a while. */
  | { kind: 'contention'; message: string; retryAfterSeconds: number }
  /** Authorization: this caller may not make this call (shared/auth/authorize.ts). */
  | { kind: 'forbidden'; message: string };

export type RefusalKind = Refusal['kind'];
export type RefusalOf<K extends RefusalKind> = Extract<Refusal, { kind: K }>;

export const invalid = (issues: FieldIssue[]): RefusalOf<'invalid'> => ({ kind: 'invalid', issues });
export const invalidField = (path: string, message: string): RefusalOf<'invalid'> => invalid([{ path, message }]);
export const refused = (reason: string, message: string): RefusalOf<'refused'> => ({ kind: 'refused', reason, message });
export const notFound = (what: string, message = `${what} not found`): RefusalOf<'notFound'> => ({ kind: 'notFound', what, message });
export const stale = (what: string): RefusalOf<'stale'> => ({ kind: 'stale', what });
export const tooLarge = (message: string): RefusalOf<'tooLarge'> => ({ kind: 'tooLarge', message });
export const contention = (message: string, retryAfterSeconds: number): RefusalOf<'contention'> => ({
  kind: 'contention',
  message,
  retryAfterSeconds,
});

/** How a refusal travels up from a place that cannot return it (the store, a change function): thrown, carrying the value. */
export class RefusedError extends Error {
  override name = 'RefusedError';
  constructor(readonly refusal: Refusal) {
    super(
      refusal.kind === 'invalid'
        ? refusal.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
        : refusal.kind === 'stale'
          ? `${refusal.what} is stale`
          : refusal.message,
    );
  }
}

export const refuse = (refusal: Refusal): RefusedError => new RefusedError(refusal);

/** Whether an error is a refusal of this kind (a listing skipping a partner that is gone, say). */
export const isRefusal = (error: unknown, kind: RefusalKind): error is RefusedError =>
  error instanceof RefusedError && error.refusal.kind === kind;
