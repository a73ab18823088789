import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MonthUsage } from '../../shared/model/facts.js';
import { PartnerStore } from '../../shared/store/partnerStore.js';
import { MAX_DOCUMENT_BYTES, type PartnerDoc } from '../../shared/store/documents.js';
import { bodyOf, startTestHost, type TestHost } from './testHost.js';
import { adapters } from '../../functions/edge/composition.js';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.stop();
});

const customer = { idType: 'tenant', country: 'JP', production: true, associations: [{ type: 'PAL', from: '2023-01-01' }] };
/** A fresh store over the same container: what a restarted host would see. */
const freshStore = () => new PartnerStore(adapters().container);

async function partnerWithCustomers(partnerId: string, count: number): Promise<string[]> {
  expect((await host.api('/api/partners', { method: 'POST', json: { partnerId, name: partnerId, country: 'JP' } })).status).toBe(201);
  const ids = Array.from({ length: count }, (_, i) => `c${String(i).padStart(3, '0')}`);
  for (const id of ids)
    expect((await host.api(`/api/partners/${partnerId}/customers/${id}`, { method: 'PUT', json: customer })).status).toBe(201);
  return ids;
}

/** The partner's documents but its snapshots (a recompute on write may add one at any time) and its audit records (one per write). */
async function rawDocs(partnerId: string): Promise<{ id: string; _etag: string; pendingUpload?: unknown }[]> {
  const { resources } = await adapters()
    .container.items.query<{ id: string; _etag: string }>(
      { query: 'SELECT * FROM c WHERE c.partnerId = @p', parameters: [{ name: '@p', value: partnerId }] },
      { partitionKey: partnerId },
    )
    .fetchAll();
  return resources.filter((d) => !d.id.startsWith('snapshot:') && !d.id.startsWith('audit:')).sort((a, b) => a.id.localeCompare(b.id));
}

const services = (n: number, acrUsd = 1) =>
  Array.from({ length: n }, (_, s) => ({ name: `Azure service with a long descriptive name number ${s}`, area: 'infrastructure', acrUsd }));
const monthsOf = (n: number) =>
  Array.from({ length: n }, (_, i) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

describe('an oversized upload is refused before anything is written', () => {
  it('rows that would outgrow the partner document: 413 naming bucket 0 and the customer, nothing written, later writes fine', async () => {
    const [a, b] = await partnerWithCustomers('huge-0', 2);
    const before = await rawDocs('huge-0');
    const rows = [a!, b!].flatMap((customerId) =>
      monthsOf(30).map((month) => ({ customerId, month, usage: { azureServices: services(500) } })),
    );
    const response = await host.api('/api/partners/huge-0/usage', { method: 'POST', json: { rows } });
    expect(response.status).toBe(413);
    const message = (await bodyOf(response)).message as string;
    expect(message).toContain('customer bucket 0');
    expect(message).toMatch(/largest customer here: c00[01]/);
    expect(await rawDocs('huge-0')).toEqual(before);
    expect((await host.api('/api/partners/huge-0/customers/c000/months/2024-05', { method: 'PUT', json: { paidSeats: 3 } })).status).toBe(
      200,
    );
  });

  it('rows that would outgrow a customer bucket of its own: 413 naming that bucket and customer', async () => {
    const ids = await partnerWithCustomers('huge-1', 41);
    const before = await rawDocs('huge-1');
    const rows = [
      { customerId: ids[0]!, month: '2024-01', usage: { paidSeats: 1 } },
      ...monthsOf(60).map((month) => ({ customerId: ids[40]!, month, usage: { azureServices: services(500) } })),
    ];
    const response = await host.api('/api/partners/huge-1/usage', { method: 'POST', json: { rows } });
    expect(response.status).toBe(413);
    expect((await bodyOf(response)).message).toContain(
      `customer bucket 1 past the ${MAX_DOCUMENT_BYTES}-byte limit of one stored document (its largest customer here: ${ids[40]})`,
    );
    expect(await rawDocs('huge-1')).toEqual(before);
  });
});

describe('an upload is all or none across a crash', () => {
  const rowsFor = (ids: string[], month: string, paidSeats: number) =>
    ids.map((customerId) => ({ customerId, month, usage: MonthUsage.parse({ paidSeats }) }));
  const seatsIn = async (partnerId: string, month: string) =>
    (await freshStore().customers.loadFacts(partnerId))!.customers.map((c) => c.months[month]?.paidSeats);

  it('a crash after the journal is committed: the next reader rolls it forward, whole, once', async () => {
    const ids = await partnerWithCustomers('crash-after', 100);
    await freshStore().uploads.upload('crash-after', rowsFor(ids, '2024-03', 7), { haltAfter: 'committed', uploadId: 'u-crash' });
    const pending = (await rawDocs('crash-after')).find((d) => d.id === 'partner')!.pendingUpload;
    expect(pending).toMatchObject({ uploadId: 'u-crash', buckets: [1, 2] });
    expect(await seatsIn('crash-after', '2024-03')).toEqual(ids.map(() => 7));
    const docs = await rawDocs('crash-after');
    expect(docs.map((d) => d.id)).toEqual(['customers:1', 'customers:2', 'partner']);
    expect(docs.find((d) => d.id === 'partner')!.pendingUpload).toBeUndefined();
    // Rolled forward again (a twin that read the journal before it was cleared): applied once, versions unmoved.
    const versions = (await rawDocs('crash-after')).map((d) => d._etag);
    await freshStore().customers.loadFacts('crash-after');
    expect((await rawDocs('crash-after')).map((d) => d._etag)).toEqual(versions);
  });

  it('a crash before the commit: nothing of the upload is visible, and the next upload goes through', async () => {
    const ids = await partnerWithCustomers('crash-before', 100);
    await freshStore().uploads.upload('crash-before', rowsFor(ids, '2024-03', 7), { haltAfter: 'staged', uploadId: 'u-lost' });
    expect(await seatsIn('crash-before', '2024-03')).toEqual(ids.map(() => undefined));
    const staged = (await rawDocs('crash-before')).filter((d) => d.id.startsWith('upload:'));
    expect(staged.map((d) => [d.id, (d as { ttl?: number }).ttl])).toEqual([
      ['upload:u-lost:1', 7 * 86400],
      ['upload:u-lost:2', 7 * 86400],
    ]);
    const response = await host.api('/api/partners/crash-before/usage', { method: 'POST', json: { rows: rowsFor(ids, '2024-04', 9) } });
    expect(response.status).toBe(200);
    expect(await seatsIn('crash-before', '2024-04')).toEqual(ids.map(() => 9));
    expect(await seatsIn('crash-before', '2024-03')).toEqual(ids.map(() => undefined));
  });

  it('20 concurrent uploads to one partner: every one 200, every one whole, none lost', async () => {
    const ids = await partnerWithCustomers('parallel-uploads', 100);
    const months = monthsOf(20);
    const responses = await Promise.all(
      months.map((month, k) =>
        host.api('/api/partners/parallel-uploads/usage', { method: 'POST', json: { rows: rowsFor(ids, month, k + 1) } }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(months.map(() => 200));
    const facts = (await freshStore().customers.loadFacts('parallel-uploads'))!;
    for (const c of facts.customers) expect(months.map((m) => c.months[m]?.paidSeats)).toEqual(months.map((_, k) => k + 1));
    expect((await rawDocs('parallel-uploads')).filter((d) => d.id.startsWith('upload:') || d.pendingUpload)).toEqual([]);
  });
});

describe('contention', () => {
  it('50 concurrent writers to one partner: no 409, no 5xx, nothing lost', async () => {
    await partnerWithCustomers('fifty', 1);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? host.api(`/api/partners/fifty/customers/c000/months/${monthsOf(25)[i / 2]}`, { method: 'PUT', json: { paidSeats: i } })
          : host.api(`/api/partners/fifty/people/p${i}`, { method: 'PUT', json: { linkedOn: '2024-01-01' } }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(25).fill(200), ...Array(25).fill(201)]);
    const facts = (await freshStore().customers.loadFacts('fifty'))!;
    expect(Object.keys(facts.customers[0]!.months)).toHaveLength(25);
    expect(facts.people).toHaveLength(25);
  });
});

describe('a refused new-customer write leaves no trace', () => {
  it.each([
    ['in the partner document (bucket 0)', 'trace-0', 0],
    ['in a bucket of its own', 'trace-1', 40],
  ])('a new customer with an If-Match gets 412, %s, and nothing is written', async (_, partnerId, existing) => {
    await partnerWithCustomers(partnerId, existing);
    const before = await rawDocs(partnerId);
    for (let i = 0; i < 20; i++) {
      const response = await host.api(`/api/partners/${partnerId}/customers/new-${i}`, {
        method: 'PUT',
        json: customer,
        headers: { 'if-match': '"1"' },
      });
      expect(response.status).toBe(412);
    }
    expect(await rawDocs(partnerId)).toEqual(before);
    const doc = (await rawDocs(partnerId)).find((d) => d.id === 'partner') as unknown as PartnerDoc;
    expect(Object.keys(doc.customerBuckets)).toHaveLength(existing);
  });
});
