import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '../../local/devIssuer.js';
import { bodyOf, startTestHost, type TestHost } from './testHost.js';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;

/** Exactly the README's command: `npm run --silent token -- …`. */
async function token(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'token', '--', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let host: TestHost;
beforeAll(async () => {
  // As `npm start` runs it: the demo data, the dev issuer of this checkout.
  host = await startTestHost({ demo: true });
});
afterAll(async () => {
  await host?.stop();
});

describe('the local development issuer', () => {
  it('npm run token prints only a token, which the host accepts for the demo tenant’s partner and no other', async () => {
    const reader = await token('--role', 'Partner.Reader', '--tenant', DEMO_TENANT);
    expect(reader.code).toBe(0);
    expect(reader.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const auth = { authorization: `Bearer ${reader.stdout.trim()}` };
    const list = await host.api('/api/partners', { key: null, headers: auth });
    expect((await bodyOf(list)).items.map((p: { partnerId: string }) => p.partnerId)).toEqual(['contoso-jp']);
    expect((await host.api('/api/partners/contoso-jp', { key: null, headers: auth })).status).toBe(200);
    expect((await host.api('/api/partners/fourth-coffee', { key: null, headers: auth })).status).toBe(403);
  });

  it('--expired and --audience make tokens the host refuses with 401 and a Bearer challenge', async () => {
    for (const args of [['--expired'], ['--audience', 'api://someone-else']]) {
      const bad = await token('--role', 'Program.Operator', ...args);
      expect(bad.code).toBe(0);
      const response = await host.api('/api/partners', { key: null, headers: { authorization: `Bearer ${bad.stdout.trim()}` } });
      expect(response.status, args.join(' ')).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="partner-capability", error="invalid_token"/);
    }
    const operator = await token('--role', 'Program.Operator');
    expect((await host.api('/api/partners', { key: null, headers: { authorization: `Bearer ${operator.stdout.trim()}` } })).status).toBe(
      200,
    );
  });

  it('refuses an unknown role or a tenant that is not a GUID, printing no token', async () => {
    const refused = await token('--role', 'Global.Admin');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('unknown role Global.Admin');
    const badTenant = await token('--role', 'Partner.Reader', '--tenant', 'contoso');
    expect([badTenant.code, badTenant.stdout]).toEqual([2, '']);
  });
});
