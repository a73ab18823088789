import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, startTestHost, TEST_KEY, TEST_MASTER_KEY, type TestHost } from './testHost.js';
import { adapters } from '../../functions/edge/composition.js';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
  expect((await host.api('/api/partners', { method: 'POST', json: { partnerId: 'edges', name: 'Edges', country: 'JP' } })).status).toBe(
    201,
  );
});
afterAll(async () => {
  await host?.stop();
});

const customer = JSON.stringify({ idType: 'tenant', country: 'JP', production: true, associations: [] });

describe('bodies must be JSON: 415 otherwise, and nothing written', () => {
  it.each([
    ['text/plain', customer],
    ['application/x-www-form-urlencoded', 'idType=tenant&country=JP'],
    ['application/xml', '<customer><idType>tenant</idType></customer>'],
    ['multipart/form-data; boundary=x', customer],
    [null, customer],
    // Empty, and not declared JSON: still the media type that is wrong.
    [null, ''],
    ['text/plain', ''],
  ])('Content-Type %s: 415', async (contentType, body) => {
    const response = await fetch(`${host.url}/api/partners/edges/customers/c415`, {
      method: 'PUT',
      body,
      headers: { 'x-functions-key': TEST_KEY, ...(contentType ? { 'content-type': contentType } : {}) },
    });
    expect(response.status).toBe(415);
    expect((await bodyOf(response)).error).toBe('unsupported_media_type');
    expect((await adapters().partners.customers.loadFacts('edges'))!.customers).toEqual([]);
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'application/merge-patch+json'])(
    'Content-Type %s is JSON',
    async (contentType) => {
      const response = await fetch(`${host.url}/api/partners/edges`, {
        method: 'PATCH',
        body: JSON.stringify({ name: 'Edges' }),
        headers: { 'x-functions-key': TEST_KEY, 'content-type': contentType },
      });
      expect(response.status).toBe(200);
    },
  );
});

describe('bounded numbers over HTTP', () => {
  it('acrUsd 1.7e308 is a 400 naming the field, and nothing is written', async () => {
    expect((await host.api('/api/partners/edges/customers/big', { method: 'PUT', json: JSON.parse(customer) })).status).toBe(201);
    const response = await host.api('/api/partners/edges/customers/big/months/2025-01', {
      method: 'PUT',
      json: { azureServices: [{ name: 'x', area: 'infrastructure', acrUsd: 1.7e308 }] },
    });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).issues).toEqual([
      { path: 'body.azureServices[0].acrUsd', message: 'acrUsd must be at most 1,000,000,000 USD' },
    ]);
    expect((await adapters().partners.customers.loadFacts('edges'))!.customers.find((c) => c.customerId === 'big')!.months).toEqual({});
  });
});

describe('the local host refuses a malformed path or admin input with 400, never 500', () => {
  it.each(['/api/partners/%E0%A4%A', '/api/partners/%E0%A4%A/scores', '/api/partners/%FF/history', '/admin/functions/%E0%A4%A'])(
    '%s: 400',
    async (path) => {
      const response = await host.api(path, path.startsWith('/admin') ? { method: 'POST', json: {} } : {});
      expect(response.status).toBe(400);
      expect((await bodyOf(response)).message).toContain('malformed percent-encoding');
    },
  );

  it.each([
    ['not JSON', '{"input":'],
    ['not an object with input', '[1,2]'],
    ['an unknown field', '{"input":{},"extra":1}'],
    ['an input the job refuses', '{"input":{"asOf":"2025-02-30"}}'],
    ['an input of the wrong shape', '{"input":"tomorrow"}'],
  ])('POST /admin/functions/nightlyRecompute with %s: 400', async (_, body) => {
    const response = await host.api('/admin/functions/nightlyRecompute', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).error).toBe('invalid_request');
  });

  it.each([
    ['recomputePartner', { partnerId: 'edges' }, /^not a recompute message/],
    ['recomputePartner', { partnerId: 'edges', reason: 'requested', asOf: '2098-01-01' }, /is in the future/],
    [
      'renewPartner',
      { partnerId: 'edges', anniversary: '2025-06-15', step: 'renew', asOf: '2025-06-16' },
      /runs on 2025-06-15, not 2025-06-16/,
    ],
  ])('POST /admin/functions/%s with an input that can never succeed: 400 naming why', async (name, input, reason) => {
    const response = await host.api(`/admin/functions/${name}`, { method: 'POST', json: { input } });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).issues).toEqual([{ path: 'input', message: expect.stringMatching(reason) }]);
  });
});

describe('the admin endpoints need the master key', () => {
  it('the function key is refused there (401), the master key accepted; the API takes the function key, not the master key', async () => {
    expect(
      (await host.api('/admin/functions/nightlyRecompute', { method: 'POST', key: TEST_KEY, json: { input: { asOf: '2025-07-01' } } }))
        .status,
    ).toBe(401);
    expect((await host.api('/admin/clock', { method: 'PUT', key: TEST_KEY, json: { today: null } })).status).toBe(401);
    expect(
      (
        await host.api('/admin/functions/nightlyRecompute', {
          method: 'POST',
          key: TEST_MASTER_KEY,
          json: { input: { asOf: '2025-07-01' } },
        })
      ).status,
    ).toBe(202);
    // Every API route is anonymous at the host and the app checks FUNCTIONS_KEY alone (as in Azure, where it never sees the host's keys).
    expect((await host.api('/api/partners/edges', { key: TEST_MASTER_KEY })).status).toBe(401);
    expect((await host.api('/api/partners/edges', { key: TEST_KEY })).status).toBe(200);
  });

  it('npm start prints "Function key: …" and "Master key: …" each on its own line, and they differ', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
      cwd: new URL('../../', import.meta.url),
      env: { ...process.env, PORT: '0', FUNCTIONS_KEY: '', FUNCTIONS_MASTER_KEY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm start printed no keys in 60 s:\n${out}`)), 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (/Ctrl-C/.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
      });
    } finally {
      child.kill('SIGKILL');
    }
    const functionKey = /^\s*Function key: (\S+)$/m.exec(out)?.[1];
    const masterKey = /^\s*Master key: (\S+)$/m.exec(out)?.[1];
    expect(functionKey).toBeDefined();
    expect(masterKey).toBeDefined();
    expect(masterKey).not.toBe(functionKey);
  }, 70_000);
});
