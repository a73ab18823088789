import type { PartnerProfile } from '../../shared/model/partner.js';
import { isRefusal } from '../../shared/refusal.js';
import { adapters } from './composition.js';

/**
 * The page of `GET /partners` for a caller who acts for some partners only: those of its set that
 * exist, by id, a page at a time (the continuation is the last id answered).
 */
export async function ownPartners(
  partners: ReadonlySet<string>,
  limit: number,
  continuation?: string,
): Promise<{ items: PartnerProfile[]; continuation?: string }> {
  const after = continuation === undefined ? '' : Buffer.from(continuation, 'base64url').toString();
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
  return { items, ...(more ? { continuation: Buffer.from(last!).toString('base64url') } : {}) };
}
