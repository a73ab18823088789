import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Identifier } from '../../shared/model/primitives.js';
import { PartnerStore } from '../../shared/store/partnerStore.js';
import { bodyOf, startTestHost, type TestHost } from './testHost.js';
import { adapters } from '../../functions/edge/composition.js';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.stop();
});

/** Every name a plain object inherits, and `__proto__`: ids a caller may send, which no lookup may mistake for a member. */
const BUILT_IN_NAMES = [...new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__'])];
const profile = {
  idType: 'tenant' as const,
  country: 'JP',
  production: true,
  associations: [{ type: 'PAL' as const, from: '2023-01-01' }],
};
const usage = { paidSeats: 5, activeUsers: 0, protectedUsers: 0, azureServices: [], bizApps: { revenueUsd: 0, mcv: 0 } };

async function docIds(partnerId: string): Promise<string[]> {
  const { resources } = await adapters()
    .container.items.query<{ id: string }>(
      { query: 'SELECT c.id FROM c WHERE c.partnerId = @p', parameters: [{ name: '@p', value: partnerId }] },
      { partitionKey: partnerId },
    )
    .fetchAll();
  // Snapshots and the audit trail's records come and go with every write; the facts are what is checked.
  return resources.map((r) => r.id).filter((id) => !id.startsWith('snapshot:') && !id.startsWith('audit:'));
}

describe('ids that are names of Object.prototype are ids like any other', () => {
  it('the store keeps customers and people under any such id, in any order, with or without bucket-mates (property)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...BUILT_IN_NAMES), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 41 }),
        async (ids, others) => {
          const store = new PartnerStore(adapters().container);
          const partnerId = `proto-${run++}`;
          await store.profiles.createPartner({ partnerId, name: partnerId, country: 'JP', locations: [] }, new Date().toISOString());
          for (let i = 0; i < others; i++) await store.customers.putCustomer(partnerId, `other-${i}`, profile);
          for (const id of ids) {
            expect((await store.customers.putCustomer(partnerId, id, profile)).created).toBe(true);
            expect(await store.customers.putCustomer(partnerId, id, profile)).toMatchObject({ created: false, etag: '"2"' });
            expect(await store.customers.putMonth(partnerId, id, '2024-05', usage)).toMatchObject({ etag: '"3"' });
            expect((await store.profiles.putPerson(partnerId, id, { linkedOn: '2024-01-01', certifications: [] })).created).toBe(true);
          }
          await store.uploads.upload(
            partnerId,
            ids.map((customerId) => ({ customerId, month: '2024-06', usage })),
          );
          const facts = (await store.customers.loadFacts(partnerId))!;
          const byId = new Map(facts.customers.map((c) => [c.customerId, c]));
          expect(facts.customers).toHaveLength(others + ids.length);
          for (const id of ids) expect(Object.keys(byId.get(id)!.months).sort()).toEqual(['2024-05', '2024-06']);
          expect(facts.people.map((p) => p.personId).sort()).toEqual([...ids].sort());
          expect((await docIds(partnerId)).every((id) => id === 'partner' || /^customers:\d+$/.test(id))).toBe(true);
        },
      ),
      // `__proto__` and `constructor` in every bucket position at least once, whatever fast-check draws.
      {
        numRuns: 30,
        examples: [
          [['__proto__', 'constructor', 'toString'], 0],
          [['__proto__', 'hasOwnProperty'], 40],
        ],
      },
    );
  });

  it.each(BUILT_IN_NAMES)(
    'PUT …/customers/%s: created (201) then replaced (200) when a valid id, else a 400 naming the path; never a stray document',
    async (id) => {
      const partnerId = `proto-http-${BUILT_IN_NAMES.indexOf(id)}`;
      expect((await host.api('/api/partners', { method: 'POST', json: { partnerId, name: 'P', country: 'JP' } })).status).toBe(201);
      const first = await host.api(`/api/partners/${partnerId}/customers/${encodeURIComponent(id)}`, { method: 'PUT', json: profile });
      if (Identifier.safeParse(id).success) {
        expect(first.status).toBe(201);
        expect(
          (await host.api(`/api/partners/${partnerId}/customers/${encodeURIComponent(id)}`, { method: 'PUT', json: profile })).status,
        ).toBe(200);
        expect(
          (
            await host.api(`/api/partners/${partnerId}/customers/${encodeURIComponent(id)}/months/2024-05`, {
              method: 'PUT',
              json: { paidSeats: 1 },
            })
          ).status,
        ).toBe(200);
      } else {
        expect(first.status).toBe(400);
        expect((await bodyOf(first)).issues[0].path).toBe('path.customerId');
      }
      expect(await docIds(partnerId)).toEqual(['partner']);
    },
  );
});
