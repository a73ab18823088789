import type { RenewalStepPorts } from '../../shared/jobs/ports.js';
import type { PartnerDoc, RenewalDoc } from '../../shared/store/documents.js';
import { membershipOf } from '../../shared/store/partnerViews.js';
import { withRetry } from '../../shared/store/retry.js';
import { ranRenewal } from '../../shared/lifecycle/renewalChanges.js';
import { refuse } from '../../shared/refusal.js';
import { adapters, type Adapters } from './composition.js';

/**
 * The recompute's and the renewal step's ports on the real stores, each call retried on transient
 * failures (every write is on an ETag or idempotent, so a retry cannot apply anything twice). What
 * the jobs hand back as `read` is the document the store read, with its ETag.
 */
export function storeJobPorts(
  { partners, renewals }: Pick<Adapters, 'partners' | 'renewals'> = adapters(),
  now = () => new Date().toISOString(),
): RenewalStepPorts<PartnerDoc, RenewalDoc> {
  return {
    partners: {
      loadForRecompute: async (partnerId) => {
        const loaded = await withRetry(() => partners.customers.loadForRecompute(partnerId));
        return loaded && { facts: loaded.facts, membership: membershipOf(loaded.partner), read: loaded.partner };
      },
      changeMembership: (partnerId, change, read) => withRetry(() => partners.membership.changeMembership(partnerId, change, read)),
      saveSnapshot: (summary, computedAt, mode) => withRetry(() => partners.snapshots.save(summary, computedAt, mode)),
      loadMembership: async (partnerId) => {
        const loaded = await withRetry(() => partners.membership.loadLifecycle(partnerId));
        return loaded && { membership: loaded.lifecycle.membership, read: loaded.doc };
      },
      snapshot: (partnerId, day) => withRetry(() => partners.snapshots.get(partnerId, day)),
      history: (partnerId, from, to) => withRetry(() => partners.snapshots.between(partnerId, from, to)),
    },
    renewals: {
      get: (partnerId, anniversary) => withRetry(() => renewals.get(partnerId, anniversary)),
      commitRenewal: (partnerId, anniversary, record, on, at, known) =>
        withRetry(() => renewals.commitRenewal(partnerId, anniversary, record, on, at, known)),
      savePreview: (partnerId, anniversary, preview, on, at) =>
        withRetry(() => renewals.savePreview(partnerId, anniversary, preview, on, at)),
      changeRecord: (partnerId, anniversary, at, change) =>
        withRetry(() =>
          renewals.changeExisting(partnerId, anniversary, at, (doc) => {
            const ran = ranRenewal(doc);
            if ('kind' in ran) throw refuse(ran);
            return change(ran);
          }),
        ),
    },
    now,
  };
}
