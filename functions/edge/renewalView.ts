import { renewalTerms } from '../../rules/index.js';
import { nextAnniversary } from '../../shared/lifecycle/anniversary.js';
import { stepDay } from '../../shared/lifecycle/schedule.js';
import { outstandingUsd } from '../../shared/lifecycle/renewal.js';
import type { RenewalView } from '../../shared/model/lifecycle.js';
import type { RenewalDoc } from '../../shared/store/documents.js';

/** A renewal document as the API shows it: its status, the period it covers, and when its fee is due. */
export function toRenewalView(doc: RenewalDoc, membershipAnniversary: string): RenewalView {
  const outcome = ({ package: pkg, renewed, lapsed, feeUsd, notes, enrollmentTracks }: NonNullable<RenewalDoc['record']>) => ({
    package: pkg,
    renewed,
    lapsed,
    feeUsd,
    notes,
    ...(enrollmentTracks ? { enrollmentTracks } : {}),
  });
  return {
    anniversary: doc.anniversary,
    status: doc.record ? 'renewed' : doc.preview ? 'previewed' : 'open',
    runsUntil: nextAnniversary(membershipAnniversary, doc.anniversary),
    ...(doc.choice ? { choice: doc.choice } : {}),
    ...(doc.preview ? { preview: { ...outcome(doc.preview), on: doc.preview.on } } : {}),
    ...(doc.record
      ? {
          renewal: {
            ...outcome(doc.record),
            renewedOn: doc.renewedOn!,
            feeDueBy: stepDay(doc.anniversary, 'feeDue', renewalTerms),
            payments: doc.record.payments,
            paid: doc.record.paid,
            outstandingUsd: outstandingUsd(doc.record),
            ...(doc.feeDue ? { feeDue: doc.feeDue } : {}),
          },
        }
      : {}),
  };
}
