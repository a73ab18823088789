import type { Container } from '@azure/cosmos';
import { notFound, refuse, type RefusedError } from '../refusal.js';
import { PARTNER_ID, type PartnerDoc } from './documents.js';
import { readModifyWrite } from './readModifyWrite.js';

/** The one place a missing partner becomes a refusal. */
export const noSuchPartner = (partnerId: string): RefusedError => refuse(notFound(`partner ${partnerId}`));

/** The partner document as stored, or undefined. */
export async function readPartnerDoc(container: Container, partnerId: string): Promise<PartnerDoc | undefined> {
  return (await container.item(PARTNER_ID, partnerId).read<PartnerDoc>()).resource;
}

/** Keeps the indexed anniversary month-day in step with the anniversary, whichever way it was set. */
export function withDerived(doc: PartnerDoc): PartnerDoc {
  const anniversary = doc.profile.anniversary ?? doc.membership?.anniversary;
  const monthDay = anniversary?.slice(5);
  if (doc.anniversaryMonthDay === monthDay) return doc;
  const { anniversaryMonthDay: _, ...rest } = doc;
  return monthDay ? { ...rest, anniversaryMonthDay: monthDay } : rest;
}

/** Changes the partner document (refused as `notFound` if there is none); `change` runs on fresh data at every attempt. */
export async function changePartnerDoc(
  container: Container,
  partnerId: string,
  change: (doc: PartnerDoc) => PartnerDoc,
): Promise<{ doc: PartnerDoc; previous: PartnerDoc }> {
  const { doc, previous } = await readModifyWrite<PartnerDoc>(
    container,
    PARTNER_ID,
    partnerId,
    (current) => {
      if (!current) throw noSuchPartner(partnerId);
      const next = change(current);
      return next === current ? current : withDerived(next);
    },
    `partner ${partnerId}`,
  );
  return { doc, previous: previous! };
}
