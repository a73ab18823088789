import type { PartnerProfile } from '../../shared/model/partner.js';
import { isRefusal } from '../../shared/refusal.js';
import { decodeContinuation, encodeContinuation } from '../../shared/store/continuation.js';
import { adapters } from './composition.js';

/**
 * The page of `GET /partners` for a caller who acts for some partners only: those of its set that
 * exist, by id, a page at a time. The continuation is the last id answered, in the same signed,
 * listing-bound token as every other listing (bound to the caller's tenant), so a made-up token,
 * another tenant's or an operator's is an invalid `continuation`.
 */
export async function ownPartners(
  tenantId: string,
  partners: ReadonlySet<string>,
  limit: number,
  continuation?: string,
): Promise<{ items: PartnerProfile[]; continuation?: string }> {
  const listing = `partners of tenant ${tenantId.toLowerCase()}`;
  const after = continuation === undefined ? '' : decodeContinuation(listing, continuation);
  const ids = [...partners].filter((id) => id > after).sort();
  const items: PartnerProfile[] = [];
  let last: string | undefined;
  for (const id of ids) {
    if (items.length === limit) break;
    last = id;
    try {
      items.push((await adapters().partners.profiles.requirePartner(id)).value);
    } catch (error) {
      // Mapped before it was created (or after it was deleted): nothing to list.
      if (!isRefusal(error, 'notFound')) throw error;
    }
  }
  const more = last !== undefined && ids.some((id) => id > last!);
  return { items, ...(more ? { continuation: encodeContinuation(listing, last!) } : {}) };
}
