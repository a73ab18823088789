import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleSetFor } from '../../rules/index.js';
import { scorePartner, toScoreDocument, toScoreSummary } from '../../shared/scoring/index.js';
import { bodyOf, startTestHost, TEST_KEY, type TestHost } from './testHost.js';
import { adapters } from '../../functions/edge/composition.js';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost({ settings: { SNAPSHOT_TTL_DAYS: '500' } });
  expect((await host.api('/api/partners', { method: 'POST', json: { partnerId: 'paged', name: 'Paged', country: 'JP' } })).status).toBe(
    201,
  );
  const facts = (await adapters().partners.customers.loadFacts('paged'))!;
  for (const day of ['2025-06-01', '2025-06-02', '2025-06-03', '2025-06-04', '2025-06-05']) {
    await adapters().partners.snapshots.save(
      toScoreSummary(toScoreDocument(scorePartner(facts, ruleSetFor(day), day))),
      `${day}T02:00:00.000Z`,
      'replace',
    );
  }
});
afterAll(async () => {
  await host?.stop();
});

const refusedToken = {
  path: 'query.continuation',
  message: 'not a continuation token this listing gave (altered, truncated or from another listing); start again without it',
};

describe('the ?code= key is accepted by every query', () => {
  it.each([
    '/api/partners',
    '/api/partners/paged/history',
    '/api/partners/paged/scores?asOf=2025-06-15',
    '/api/partners/paged/history?from=2025-06-01&limit=2',
  ])('GET %s with ?code= and no header: 200', async (path) => {
    const response = await host.api(`${path}${path.includes('?') ? '&' : '?'}code=${TEST_KEY}`, { key: null });
    expect(response.status).toBe(200);
  });
});

describe('continuation tokens', () => {
  it('history is paged: every day once, oldest first, then no token', async () => {
    const days: string[] = [];
    let continuation: string | undefined;
    for (let page = 0; page < 10; page++) {
      const response = await host.api(
        `/api/partners/paged/history?from=2025-06-01&to=2025-06-30&limit=2${continuation ? `&continuation=${continuation}` : ''}`,
      );
      expect(response.status).toBe(200);
      const body = await bodyOf(response);
      expect(body.days.length).toBeLessThanOrEqual(2);
      days.push(...body.days.map((d: { day: string }) => d.day));
      continuation = body.continuation;
      if (!continuation) break;
    }
    expect(days).toEqual(['2025-06-01', '2025-06-02', '2025-06-03', '2025-06-04', '2025-06-05']);
  });

  it.each([
    ['a token that decodes to other JSON', 'eyJhIjoxfQ'],
    ['garbage', 'not-a-token'],
    ['characters outside base64url', 'abc%2B%2F%3D'],
  ])('%s: 400 naming query.continuation, on both listings', async (_, token) => {
    for (const path of [
      `/api/partners?limit=1&continuation=${token}`,
      `/api/partners/paged/history?from=2025-06-01&limit=1&continuation=${token}`,
    ]) {
      const response = await host.api(path);
      expect(response.status).toBe(400);
      expect((await bodyOf(response)).issues).toEqual([refusedToken]);
    }
  });

  it('a real token altered by one character, or taken to another listing: 400', async () => {
    const first = await bodyOf(await host.api('/api/partners/paged/history?from=2025-06-01&to=2025-06-30&limit=1'));
    const token = first.continuation as string;
    const altered = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    expect((await host.api(`/api/partners/paged/history?from=2025-06-01&to=2025-06-30&limit=1&continuation=${altered}`)).status).toBe(400);
    expect((await host.api(`/api/partners/paged/history?from=2025-06-02&to=2025-06-30&limit=1&continuation=${token}`)).status).toBe(400);
    expect((await host.api(`/api/partners?limit=1&continuation=${token}`)).status).toBe(400);
    expect((await host.api(`/api/partners/paged/history?from=2025-06-01&to=2025-06-30&limit=1&continuation=${token}`)).status).toBe(200);
  });

  it('a token forged with a checksum anyone can compute (a plain SHA-256) is a 400, not a 500 nor page one', async () => {
    const forged = (t: string) => {
      const s = createHash('sha256').update(`partners\n${t}`).digest('base64url').slice(0, 22);
      return Buffer.from(JSON.stringify({ l: 'partners', t, s })).toString('base64url');
    };
    for (const t of ['{"compositeToken":"x"}', 'garbage']) {
      const response = await host.api(`/api/partners?limit=1&continuation=${forged(t)}`);
      expect(response.status).toBe(400);
      expect((await bodyOf(response)).issues).toEqual([refusedToken]);
    }
  });
});

describe('snapshots expire', () => {
  it('each snapshot carries the TTL of SNAPSHOT_TTL_DAYS, and the container has per-item TTL on', async () => {
    const snapshot = await adapters().partners.snapshots.get('paged', '2025-06-01');
    expect(snapshot?.ttl).toBe(500 * 86_400);
    const { resource } = await adapters().container.read();
    expect(resource?.defaultTtl).toBe(-1);
  });
});
