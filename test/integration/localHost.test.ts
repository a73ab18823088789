import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { today } from '../../shared/clock.js';
import { todayUtc } from '../../shared/clock.js';
import { registerQueue, registerTimer, registrations } from '../../functions/edge/registry.js';
import { decodeMessage, encodeMessage } from '../../shared/queue/queues.js';
import { queue } from './queues.js';
import { bodyOf, startTestHost, TEST_KEY, until, type TestHost } from './testHost.js';

// Test-only functions, registered like the app's own before the host loads the app.
const flakyCalls: { body: unknown; dequeueCount: unknown }[] = [];
const brokenCalls: number[] = [];
const batchCalls: number[] = [];
const timerCalls: unknown[] = [];
const failFlakyTimes = 1;

registerQueue({
  name: 'testFlaky',
  queueName: 'test-flaky',
  connection: 'AzureWebJobsStorage',
  message: z.object({ partnerId: z.string() }),
  handler: async (message, context) => {
    flakyCalls.push({ body: message, dequeueCount: context.triggerMetadata?.dequeueCount });
    if (flakyCalls.length <= failFlakyTimes) throw new Error('transient failure');
  },
});
registerQueue({
  name: 'testBroken',
  queueName: 'test-broken',
  connection: 'AzureWebJobsStorage',
  message: z.object({ partnerId: z.string() }),
  handler: async (_message, context) => {
    brokenCalls.push(Number(context.triggerMetadata?.dequeueCount));
    throw new Error('always fails');
  },
});
registerQueue({
  name: 'testBatch',
  queueName: 'test-batch',
  connection: 'AzureWebJobsStorage',
  message: z.object({ n: z.number() }).describe('a batch message'),
  handler: async ({ n }) => {
    batchCalls.push(n);
  },
});
registerTimer({
  name: 'testEverySecond',
  schedule: '* * * * * *',
  handler: async (timer, context) => {
    timerCalls.push(context.triggerMetadata?.adminInput ?? timer.scheduleStatus?.next);
  },
});

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost({
    timers: true,
    queueSettings: { maxDequeueCount: 3, visibilityTimeout: 0, maxPollingInterval: 200, batchSize: 16 },
  });
});
afterAll(async () => {
  await host?.stop();
});

const count = async (name: string) => (await queue(name).getProperties()).approximateMessagesCount ?? 0;

describe('queue triggers with the host’s semantics', () => {
  it('decodes base64 JSON and retries a failed message with its dequeue count rising', async () => {
    await queue('test-flaky').sendMessage(encodeMessage({ partnerId: 'p1' }));
    await until(() => flakyCalls.length >= 2);
    expect(flakyCalls).toEqual([
      { body: { partnerId: 'p1' }, dequeueCount: 1 },
      { body: { partnerId: 'p1' }, dequeueCount: 2 },
    ]);
    await until(async () => (await count('test-flaky')) === 0);
    expect(await count('test-flaky-poison')).toBe(0);
  });

  it('moves a message that fails maxDequeueCount times to the poison queue, intact, and logs why', async () => {
    const text = encodeMessage({ partnerId: 'doomed' });
    await queue('test-broken').sendMessage(text);
    await until(async () => (await count('test-broken-poison')) === 1);
    expect(brokenCalls).toEqual([1, 2, 3]);
    const poisoned = await queue('test-broken-poison').peekMessages();
    expect(poisoned.peekedMessageItems[0]!.messageText).toBe(text);
    expect(await count('test-broken')).toBe(0);
    expect(host.logs.some((l) => l.includes('failed 3 times, moved to test-broken-poison: always fails'))).toBe(true);
  });

  it('takes messages in batches and processes every one once', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, n) => queue('test-batch').sendMessage(encodeMessage({ n }))));
    await until(() => batchCalls.length >= 40);
    expect([...batchCalls].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n));
  });

  it('a message its schema refuses goes to the poison queue at once, with the reason, and the handler never sees it', async () => {
    const calls = batchCalls.length;
    await queue('test-batch').sendMessage(encodeMessage({ n: 'seven' }));
    await until(async () => (await count('test-batch-poison')) === 1);
    const poisoned = decodeMessage((await queue('test-batch-poison').peekMessages()).peekedMessageItems[0]!.messageText);
    expect(poisoned).toMatchObject({
      message: { n: 'seven' },
      queue: 'test-batch',
      reason: expect.stringMatching(/^not a batch message: n: /),
    });
    expect(batchCalls).toHaveLength(calls);
    await until(async () => (await count('test-batch')) === 0);
  });
});

describe('timers and the admin endpoint', () => {
  it('runs a timer on its NCRONTAB schedule', async () => {
    const before = timerCalls.length;
    await until(() => timerCalls.length >= before + 2, 5000);
  });

  it('runs a timer on demand through POST /admin/functions/{name} with its input, with the key only', async () => {
    expect((await host.api('/admin/functions/testEverySecond', { method: 'POST', key: null, json: { input: 'x' } })).status).toBe(401);
    const response = await host.api('/admin/functions/testEverySecond', { method: 'POST', json: { input: { asOf: '2025-11-10' } } });
    expect(response.status).toBe(202);
    expect(timerCalls).toContainEqual({ asOf: '2025-11-10' });
  });

  it('has a clock for replays, set through PUT /admin/clock with the key, that the functions read as today', async () => {
    expect((await host.api('/admin/clock', { method: 'PUT', key: null, json: { today: '2025-11-10' } })).status).toBe(401);
    const bad = await host.api('/admin/clock', { method: 'PUT', json: { today: '2025-02-30' } });
    expect(bad.status).toBe(400);
    expect((await bodyOf(bad)).message).toContain('today');
    expect(await bodyOf(await host.api('/admin/clock', { method: 'PUT', json: { today: '2025-11-10' } }))).toEqual({ today: '2025-11-10' });
    expect(today()).toBe('2025-11-10');
    expect(await bodyOf(await host.api('/admin/clock', { method: 'PUT', json: { today: null } }))).toEqual({ today: todayUtc() });
  });

  it('refuses the admin endpoint for HTTP functions and unknown names', async () => {
    expect((await host.api('/admin/functions/getScores', { method: 'POST' })).status).toBe(400);
    expect((await host.api('/admin/functions/nothing', { method: 'POST' })).status).toBe(404);
  });
});

describe('every registered function is reachable through the local host', () => {
  const sampleParams: Record<string, string> = { partnerId: 'reach-p', customerId: 'c1', personId: 'u1', month: '2025-01' };

  it('each HTTP route answers on its method (not the host’s 404 or 405), each other function through the admin endpoint', async () => {
    expect(host.registrations).toBe(registrations);
    const names = host.registrations.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'health',
        'openapi',
        'createPartner',
        'getScores',
        'postUsage',
        'whatIf',
        'requestRecompute',
        'getRules',
        'getHistory',
        'nightlyRecompute',
        'recomputePartner',
        'dailyRenewals',
        'renewPartner',
        'getRenewals',
        'choosePackage',
        'payRenewal',
        'getBenefits',
        'putLegacyCompetency',
        'putSpecialization',
        'getSpecializations',
      ]),
    );
    // The app's own functions; this file's test functions are exercised above.
    for (const r of host.registrations.filter((x) => !x.name.startsWith('test'))) {
      if (r.kind === 'http') {
        const path = r.route.replace(/\{(\w+)\}/g, (_, name: string) => sampleParams[name] ?? 'x');
        const response = await host.api(`/api/${path}`, { method: r.method, ...(r.method === 'GET' ? {} : { json: {} }) });
        const body = response.status === 204 ? undefined : await bodyOf(response); // the CORS preflight answers no body
        expect([r.name, response.status, body?.message ?? '']).not.toEqual([r.name, 404, `no route /api/${path}`]);
        expect(response.status, r.name).not.toBe(405);
      } else if (r.kind === 'timer') {
        expect((await host.api(`/admin/functions/${r.name}`, { method: 'POST', json: {} })).status, r.name).toBe(202);
      } else {
        const inputs: Record<string, unknown> = {
          recomputePartner: { partnerId: 'reach-p', reason: 'requested' },
          renewPartner: { partnerId: 'reach-p', anniversary: '2025-01-01', step: 'preview', asOf: '2024-12-02' },
        };
        const input = inputs[r.name];
        expect(input, `an input for ${r.name}`).toBeDefined();
        expect((await host.api(`/admin/functions/${r.name}`, { method: 'POST', json: { input } })).status, r.name).toBe(202);
      }
    }
  });

  it('an unknown route is the host’s 404 and a wrong method its 405', async () => {
    expect((await host.api('/api/nowhere')).status).toBe(404);
    expect((await host.api('/api/rules', { method: 'DELETE' })).status).toBe(405);
    expect(TEST_KEY).toBe(host.functionKey);
  });
});
