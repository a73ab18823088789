import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerFacts } from '../../shared/model/partner.js';
import { encodeMessage, RECOMPUTE_QUEUE } from '../../shared/queue/queues.js';
import { queue } from './queues.js';
import { bodyOf, startTestHost, until, type TestHost } from './testHost.js';
import { adapters } from '../../functions/edge/composition.js';

const sample = PartnerFacts.parse(JSON.parse(readFileSync(new URL('../../local/demo/contoso-jp.json', import.meta.url), 'utf8')));

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost({ queueSettings: { visibilityTimeout: 0, maxPollingInterval: 200 } });
  await adapters().partners.profiles.importPartner(sample, '2025-01-01T00:00:00Z');
});
afterAll(async () => {
  await host?.stop();
});

async function recomputeAsOf(day: string): Promise<void> {
  await queue(RECOMPUTE_QUEUE).sendMessage(encodeMessage({ partnerId: 'contoso-jp', reason: 'requested', asOf: day }));
  await until(() => host.logs.some((l) => l.includes(`recomputed contoso-jp as of ${day}`)));
}

describe('designations follow the daily recompute', () => {
  it('an area that qualifies attains its designation that day; the first sets the anniversary; badges at once', async () => {
    await recomputeAsOf('2025-06-15');
    const designations = await bodyOf(await host.api('/api/partners/contoso-jp/designations'));
    expect(designations.anniversary).toBe('2025-06-15');
    expect(
      designations.designations.map((d: { area: string; attainedOn: string; status: string }) => [d.area, d.attainedOn, d.status]),
    ).toEqual([
      ['infrastructure', '2025-06-15', 'active'],
      ['modernWork', '2025-06-15', 'active'],
    ]);
    const { badges } = await bodyOf(await host.api('/api/partners/contoso-jp/badges'));
    expect(badges.map((b: { badge: string }) => b.badge)).toEqual([
      'Solutions Partner for Infrastructure (Azure)',
      'Solutions Partner for Modern Work',
    ]);
    expect((await bodyOf(await host.api('/api/partners/contoso-jp'))).anniversary).toBe('2025-06-15');
    // The first designation day is the first renewal, done by that same recompute: nothing is left to land before the next test watches the document.
  });

  it('a recompute that changes nothing writes nothing; an area that stops qualifying stays active, at risk', async () => {
    const etag = async () => (await adapters().container.item('partner', 'contoso-jp').read()).resource?._etag;
    const before = await etag();
    await recomputeAsOf('2025-06-16');
    expect(await etag()).toBe(before);
    expect(host.logs.filter((l) => l.includes('"type":"attained"'))).toHaveLength(2);
    // The sample's data ends in May 2025: a year later nothing qualifies.
    await recomputeAsOf('2026-06-15');
    const { designations } = await bodyOf(await host.api('/api/partners/contoso-jp/designations'));
    expect(designations.every((d: { status: string; atRisk: boolean }) => d.status === 'active' && d.atRisk)).toBe(true);
    expect((await bodyOf(await host.api('/api/partners/contoso-jp/designations'))).anniversary).toBe('2025-06-15');
  });

  it('an unknown partner is 404', async () => {
    expect((await host.api('/api/partners/nobody/designations')).status).toBe(404);
    expect((await host.api('/api/partners/nobody/badges')).status).toBe(404);
  });
});
