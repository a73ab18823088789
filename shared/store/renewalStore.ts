import type { Container } from '@azure/cosmos';
import { notFound, refuse } from '../refusal.js';
import type { SolutionArea } from '../model/primitives.js';
import type { RenewalRecord } from '../lifecycle/renewal.js';
import { renewalId, type RenewalDoc } from './documents.js';
import { readModifyWrite } from './readModifyWrite.js';

/**
 * The renewal records, one document per partner per anniversary. Every change is a
 * read-modify-write on the document's ETag, so of two concurrent writers one wins and the other
 * starts again on what the winner wrote: the fee is set once, and a payment is taken once.
 */
/** A renewal as written before the fee-due record was renamed: `feeCheck {on, lapsed}`. */
type StoredRenewalDoc = RenewalDoc & { feeCheck?: { on: string; lapsed: SolutionArea[] } };

/**
 * A renewal document as the code reads it: one written before the rename has its `feeCheck` read
 * as `feeDue`, so a fee check made then still refuses a late payment and is not made twice.
 */
export function upgradeRenewalDoc<T extends StoredRenewalDoc | undefined>(doc: T): T {
  if (!doc?.feeCheck) return doc;
  const { feeCheck, ...rest } = doc;
  return (rest.feeDue ? rest : { ...rest, feeDue: { checkedOn: feeCheck.on, lapsed: feeCheck.lapsed } }) as T;
}

export class RenewalStore {
  constructor(private readonly container: Container) {}

  async get(partnerId: string, anniversary: string): Promise<RenewalDoc | undefined> {
    return upgradeRenewalDoc((await this.container.item(renewalId(anniversary), partnerId).read<StoredRenewalDoc>()).resource);
  }

  /** A partner's renewal records, oldest first: a handful per partner, sorted here rather than indexed. */
  async list(partnerId: string): Promise<RenewalDoc[]> {
    const { resources } = await this.container.items
      .query<RenewalDoc>(
        { query: "SELECT * FROM c WHERE c.partnerId = @p AND c.type = 'renewal'", parameters: [{ name: '@p', value: partnerId }] },
        { partitionKey: partnerId },
      )
      .fetchAll();
    return resources.map(upgradeRenewalDoc).sort((a, b) => a.anniversary.localeCompare(b.anniversary));
  }

  /**
   * A change to the renewal of an anniversary, on its ETag: `change` sees the current document (a
   * fresh one if there is none) and returns it unchanged to write nothing. What to change is the
   * caller's decision (shared/lifecycle/renewalChanges.ts); a refusal it throws writes nothing.
   */
  async change(
    partnerId: string,
    anniversary: string,
    now: string,
    change: (doc: RenewalDoc) => RenewalDoc,
    known?: { current: RenewalDoc | undefined },
  ): Promise<RenewalDoc> {
    const { doc } = await readModifyWrite<RenewalDoc>(
      this.container,
      renewalId(anniversary),
      partnerId,
      (stored) => {
        const current = upgradeRenewalDoc(stored);
        const base: RenewalDoc = current ?? { id: renewalId(anniversary), partnerId, type: 'renewal', anniversary, updatedAt: now };
        const next = change(base);
        return next === base && current ? current : { ...next, updatedAt: now };
      },
      `the renewal of ${partnerId} at ${anniversary}`,
      known,
    );
    return doc;
  }

  /** The preview; none once the renewal itself is there. */
  savePreview(partnerId: string, anniversary: string, preview: RenewalRecord, on: string, now: string): Promise<RenewalDoc> {
    return this.change(partnerId, anniversary, now, (doc) => (doc.record ? doc : { ...doc, preview: { ...preview, on } }));
  }

  /**
   * The renewal with its fee, written once: if a record is already there (a repeat, or a twin that
   * got there first) it stays, and it is what the caller gets back. `known` is the renewal document
   * as just read (absent or not), written on without a second read.
   */
  commitRenewal(
    partnerId: string,
    anniversary: string,
    record: RenewalRecord,
    on: string,
    now: string,
    known: RenewalDoc | undefined,
  ): Promise<RenewalDoc> {
    return this.change(partnerId, anniversary, now, (doc) => (doc.record ? doc : { ...doc, record, renewedOn: on }), { current: known });
  }

  /** A change to a renewal there is a document for; refused as `notFound` when there is none. */
  changeExisting(partnerId: string, anniversary: string, now: string, change: (doc: RenewalDoc) => RenewalDoc): Promise<RenewalDoc> {
    return this.change(partnerId, anniversary, now, (doc) => {
      if (!doc._etag)
        throw refuse(notFound(`the renewal of ${partnerId} at ${anniversary}`, `partner ${partnerId} has no renewal at ${anniversary}`));
      return change(doc);
    });
  }
}
