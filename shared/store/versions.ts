import { refuse, stale } from '../refusal.js';

/** The ETag a client sees for a partner profile, person, customer or access mapping: its own version. */
export const etagOf = (version: number) => `"${version}"`;

/** An If-Match given for something at `version` (undefined: it does not exist yet) must name that version, or be `*` for an existing one. */
export function checkIfMatch(ifMatch: string | undefined, version: number | undefined, what: string): void {
  if (ifMatch === undefined) return;
  if (version === undefined || (ifMatch !== '*' && ifMatch !== etagOf(version))) throw refuse(stale(what));
}
