import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import type { Container } from '@azure/cosmos';
import { invalid, refuse, tooLarge } from '../refusal.js';
import type { UsageRow } from '../model/api.js';
import { CONTENTION, contentionDelay, pause, tooManyWriters } from './contention.js';
import {
  APPLIED_UPLOADS_KEPT,
  bucketDocId,
  COSMOS_ITEM_BYTES,
  MAX_DOCUMENT_BYTES,
  PARTNER_ID,
  STAGING_TTL_SECONDS,
  stagingId,
  type CustomerBucketDoc,
  type PartnerDoc,
  type StoredCustomer,
  type UploadJournal,
  type UploadStagingDoc,
} from './documents.js';
import { own, withEntry } from './own.js';
import { changePartnerDoc, noSuchPartner, readPartnerDoc } from './partnerDocs.js';
import { documentBytes, readModifyWrite } from './readModifyWrite.js';
import { statusOf } from './transient.js';

type Customers = Record<string, StoredCustomer>;

/** Staging and applying buckets a few at a time: a 5,000-customer upload touches up to 125. */
const IN_FLIGHT = 8;

/** A failure after the commit: the upload has happened and will be rolled forward, so its staged rows must stay. */
class Committed extends Error {
  constructor(override readonly cause: unknown) {
    super('committed');
  }
}
type Row = UploadStagingDoc['rows'][number];

/** The rows applied to a bucket's customers: each customer touched gets its months and one new version. */
export function applyRows(customers: Customers, rows: readonly Row[]): Customers {
  const byCustomer = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byCustomer.get(row.customerId);
    if (list) list.push(row);
    else byCustomer.set(row.customerId, [row]);
  }
  let next = customers;
  for (const [customerId, customerRows] of byCustomer) {
    const customer = own(next, customerId);
    if (!customer) continue; // customers are never deleted; a row is only staged for a customer its bucket holds
    const months = { ...customer.months };
    for (const row of customerRows) months[row.month] = row.usage;
    next = withEntry(next, customerId, { ...customer, months, version: customer.version + 1 });
  }
  return next;
}

/** The largest customer of these rows in a bucket, to name in a `tooLarge` refusal. */
function largestCustomer(customers: Customers, rows: readonly Row[]): string {
  const ids = [...new Set(rows.map((r) => r.customerId))];
  return ids.reduce(
    (a, b) => (documentBytes(own(customers, b)) > documentBytes(own(customers, a)) ? b : a),
    ids[0] ?? 'none of this upload',
  );
}

export interface UploadOptions {
  uploadId?: string;
  /** Fault injection for tests: stop as a crash would, after staging the rows or after committing the journal. */
  haltAfter?: 'staged' | 'committed';
}

/**
 * A bulk upload, all or none even across a crash. Every document it will write is checked for size
 * first; the rows of buckets 1+ are staged in documents of their own; then one write of the partner
 * document applies the bucket-0 rows and records the journal (the commit); then each staged bucket
 * is applied once (the bucket remembers the upload id) and the journal cleared. Before the commit
 * nothing is visible; after it, whoever reads or writes the partner's customers next rolls the
 * journal forward first, so no one ever sees half an upload.
 */
export class UsageUploads {
  constructor(
    private readonly container: Container,
    private readonly now = () => new Date().toISOString(),
  ) {}

  /** The partner document with no upload pending: one found pending is rolled forward first. */
  async settled(partnerId: string): Promise<PartnerDoc | undefined> {
    for (let attempt = 0; attempt < CONTENTION.attempts; attempt++) {
      const doc = await readPartnerDoc(this.container, partnerId);
      if (!doc?.pendingUpload) return doc;
      await this.rollForward(partnerId, doc.pendingUpload);
    }
    throw tooManyWriters(`partner ${partnerId}`);
  }

  async upload(partnerId: string, rows: readonly UsageRow[], options: UploadOptions = {}): Promise<{ customers: number; months: number }> {
    const uploadId = options.uploadId ?? randomUUID();
    const staged = new Set<number>();
    try {
      const done = await this.attempts(partnerId, rows, uploadId, staged, options);
      if (done) return done;
    } catch (error) {
      // Refused (invalid, too large) or failed before the commit: the staged rows are garbage now, not after their TTL.
      if (!(error instanceof Committed)) await this.discardStaged(partnerId, uploadId, [...staged]).catch(() => undefined);
      throw error instanceof Committed ? error.cause : error;
    }
    await this.discardStaged(partnerId, uploadId, [...staged]);
    throw tooManyWriters(`partner ${partnerId}`);
  }

  /** Tries to commit the upload, again on fresh data while it loses races; undefined when every attempt lost. */
  private async attempts(
    partnerId: string,
    rows: readonly UsageRow[],
    uploadId: string,
    staged: Set<number>,
    options: UploadOptions,
  ): Promise<{ customers: number; months: number } | undefined> {
    for (let attempt = 0; attempt < CONTENTION.attempts; attempt++) {
      if (attempt > 0) await pause(contentionDelay(attempt - 1));
      const partner = await this.settled(partnerId);
      if (!partner) throw noSuchPartner(partnerId);
      const byBucket = this.rowsByBucket(partner, rows);
      const others = [...byBucket.keys()].filter((b) => b !== 0).sort((a, b) => a - b);
      const buckets = await Promise.all(
        others.map(async (b) => (await this.container.item(bucketDocId(b), partnerId).read<CustomerBucketDoc>()).resource),
      );
      // Every document the upload will write (buckets, and the staged rows), checked before anything is written.
      const stagingDoc = (b: number): UploadStagingDoc => ({
        id: stagingId(uploadId, b),
        partnerId,
        type: 'uploadStaging',
        uploadId,
        bucket: b,
        rows: byBucket.get(b)!,
        ttl: STAGING_TTL_SECONDS,
      });
      others.forEach((b, i) => {
        const bucket = buckets[i];
        if (!bucket) throw new Error(`customer bucket ${b} of partner ${partnerId} is missing`);
        const after = {
          ...bucket,
          customers: applyRows(bucket.customers, byBucket.get(b)!),
          appliedUploads: [...(bucket.appliedUploads ?? []), uploadId],
        };
        if (documentBytes(after) > MAX_DOCUMENT_BYTES || documentBytes(stagingDoc(b)) > MAX_DOCUMENT_BYTES)
          throw this.tooLargeFor(b, bucket.customers, byBucket.get(b)!);
      });
      const journal: UploadJournal | undefined = others.length > 0 ? { uploadId, buckets: others, committedAt: this.now() } : undefined;
      const committed: PartnerDoc = {
        ...partner,
        customers: applyRows(partner.customers, byBucket.get(0) ?? []),
        ...(journal ? { pendingUpload: journal } : {}),
        updatedAt: this.now(),
      };
      if (documentBytes(committed) > MAX_DOCUMENT_BYTES) throw this.tooLargeFor(0, partner.customers, byBucket.get(0) ?? []);

      const limit = pLimit(IN_FLIGHT);
      await Promise.all(
        others
          .filter((b) => !staged.has(b))
          .map((b) =>
            limit(async () => {
              staged.add(b);
              await this.container.items.upsert(stagingDoc(b));
            }),
          ),
      );
      if (options.haltAfter === 'staged') return { customers: 0, months: 0 };
      try {
        await this.container
          .item(PARTNER_ID, partnerId)
          .replace(committed, { accessCondition: { type: 'IfMatch', condition: partner._etag! } });
      } catch (error) {
        if (statusOf(error) === 412) continue; // someone wrote the partner since it was read: again, on fresh data
        // Any other failure (a timeout, a dropped connection) may have landed: the staged rows are kept
        // for a journal that may name them, and expire by their TTL if it does not.
        throw new Committed(error);
      }
      // Committed: from here the staged rows belong to the journal, whoever rolls it forward.
      if (journal && options.haltAfter !== 'committed')
        await this.rollForward(partnerId, journal).catch((cause: unknown) => Promise.reject(new Committed(cause)));
      return { customers: new Set(rows.map((r) => r.customerId)).size, months: rows.length };
    }
    return undefined;
  }

  /** Applies a committed upload's staged rows to every bucket it names (once each), then clears the journal. Idempotent; any number may run at once. */
  async rollForward(partnerId: string, journal: UploadJournal): Promise<void> {
    const limit = pLimit(IN_FLIGHT);
    await Promise.all(journal.buckets.map((b) => limit(() => this.applyStaged(partnerId, journal, b))));
    await changePartnerDoc(this.container, partnerId, (current) => {
      if (current.pendingUpload?.uploadId !== journal.uploadId) return current;
      const { pendingUpload: _, ...rest } = current;
      return rest;
    });
    await this.discardStaged(partnerId, journal.uploadId, journal.buckets);
  }

  /** One bucket's staged rows, applied unless the bucket has them already. */
  private async applyStaged(partnerId: string, journal: UploadJournal, b: number): Promise<void> {
    const { resource: staged } = await this.container.item(stagingId(journal.uploadId, b), partnerId).read<UploadStagingDoc>();
    await readModifyWrite<CustomerBucketDoc>(
      this.container,
      bucketDocId(b),
      partnerId,
      (current) => {
        if (!current) throw new Error(`customer bucket ${b} of partner ${partnerId} is missing`);
        if (current.appliedUploads?.includes(journal.uploadId)) return current;
        if (!staged)
          throw new Error(
            `upload ${journal.uploadId} of partner ${partnerId}: the rows staged for bucket ${b} are gone but were never applied`,
          );
        return {
          ...current,
          customers: applyRows(current.customers, staged.rows),
          appliedUploads: [...(current.appliedUploads ?? []), journal.uploadId].slice(-APPLIED_UPLOADS_KEPT),
        };
      },
      `customer bucket ${b} of partner ${partnerId}`,
      undefined,
      // Checked against our margin before the commit; once committed it must go through.
      COSMOS_ITEM_BYTES,
    );
  }

  private async discardStaged(partnerId: string, uploadId: string, buckets: number[]): Promise<void> {
    await Promise.all(
      buckets.map((b) =>
        this.container
          .item(stagingId(uploadId, b), partnerId)
          .delete()
          .catch((error: unknown) => {
            if (statusOf(error) !== 404) throw error;
          }),
      ),
    );
  }

  /** The rows grouped by the bucket that holds their customer; refused as invalid, naming every row (by index) whose customer does not exist. */
  private rowsByBucket(partner: PartnerDoc, rows: readonly UsageRow[]): Map<number, Row[]> {
    const byBucket = new Map<number, Row[]>();
    const unknown: { path: string; message: string }[] = [];
    rows.forEach((row, i) => {
      const b = own(partner.customerBuckets, row.customerId);
      if (b === undefined || (b === 0 && !own(partner.customers, row.customerId))) {
        unknown.push({ path: `rows[${i}].customerId`, message: `customer ${row.customerId} does not exist; PUT it first` });
        return;
      }
      const list = byBucket.get(b) ?? [];
      list.push({ customerId: row.customerId, month: row.month, usage: row.usage });
      byBucket.set(b, list);
    });
    if (unknown.length > 0) throw refuse(invalid(unknown));
    return byBucket;
  }

  private tooLargeFor(bucket: number, customers: Customers, rows: readonly Row[]) {
    const where = bucket === 0 ? 'the partner document (customer bucket 0)' : `customer bucket ${bucket}`;
    return refuse(
      tooLarge(
        `this upload would grow ${where} past the ${MAX_DOCUMENT_BYTES}-byte limit of one stored document (its largest customer here: ${largestCustomer(customers, rows)}); nothing was written. Upload fewer months or services per customer`,
      ),
    );
  }
}
