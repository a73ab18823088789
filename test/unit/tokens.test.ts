import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importJWK, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOCK_SKEW_SECONDS, verifyBearer, type TokenConfig } from '../../shared/auth/tokens.js';

const HOME = '9b1e4d27-6c3a-4f85-a0d2-7e8c5b3f1a64';
const PARTNER = '3f6c1a52-8d4e-4b7a-9c2e-5a1d7e0b9f31';
const ISSUER = 'https://login.example/{tenantid}/v2.0';
const AUDIENCE = '11111111-2222-4333-8444-555555555555';

function rsaKey(kid: string): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...(privateKey.export({ format: 'jwk' }) as JsonWebKey as JWK), kid, alg: 'RS256' };
}
const publicOf = ({ kty, n, e, kid, alg }: JWK): JWK => ({ kty, n, e, kid, alg, use: 'sig' });

// A stand-in for the issuer's JWKS endpoint: the keys it publishes change when Entra rotates.
let published: JWK[] = [];
let fetches = 0;
let server: Server;
let url: string;
let config: TokenConfig;
let endpoint = 0;
/** A fresh JWKS endpoint address per test, so no test sees another's cached keys. */
const freshConfig = (cooldownMs?: number): TokenConfig => ({
  ...config,
  keys: { remote: `${url}?endpoint=${++endpoint}`, ...(cooldownMs === undefined ? {} : { cooldownMs }) },
});
beforeAll(async () => {
  server = createServer((_, response) => {
    fetches++;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published.map(publicOf) }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`;
  config = { homeTenantId: HOME, audiences: [AUDIENCE], issuerTemplate: ISSUER, keys: { remote: url } };
});
afterAll(() => {
  server?.close();
});

interface Claims {
  tid?: string;
  iss?: string;
  aud?: string;
  nbf?: number;
  exp?: number;
  roles?: string[];
}

async function sign(key: JWK, claims: Claims = {}, alg = 'RS256'): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const tid = claims.tid ?? PARTNER;
  const jwt = new SignJWT({ tid, oid: 'user-oid', name: 'Aiko', roles: claims.roles ?? ['Partner.Reader'] })
    .setProtectedHeader({ alg, kid: key.kid! })
    .setIssuer(claims.iss ?? ISSUER.replace('{tenantid}', tid))
    .setAudience(claims.aud ?? AUDIENCE)
    .setNotBefore(claims.nbf ?? now - 60)
    .setIssuedAt(now - 60)
    .setExpirationTime(claims.exp ?? now + 3600);
  return jwt.sign(await importJWK(key, alg));
}

describe('bearer tokens against the issuer’s JWKS', () => {
  it('fetches the keys once for many tokens, and again only when a token names a key it does not know (rotation)', async () => {
    const first = rsaKey('k1');
    published = [first];
    fetches = 0;
    const config = freshConfig(0);
    for (let i = 0; i < 5; i++) expect((await verifyBearer(await sign(first), config)).ok).toBe(true);
    expect(fetches).toBe(1);
    const rotated = rsaKey('k2');
    published = [first, rotated];
    expect((await verifyBearer(await sign(rotated), config)).ok).toBe(true);
    expect((await verifyBearer(await sign(first), config)).ok).toBe(true);
    expect(fetches).toBe(2);
  });

  it('within the cooldown after a fetch, an unknown key id is refused without asking the issuer again', async () => {
    const key = rsaKey('k1');
    published = [key];
    const config = freshConfig();
    expect((await verifyBearer(await sign(key), config)).ok).toBe(true);
    const before = fetches;
    const result = await verifyBearer(await sign(rsaKey('never-published')), config);
    expect(result.ok).toBe(false);
    expect(fetches).toBe(before);
  });

  it('answers who called: oid, name, tenant in lower case, and the strongest honoured role', async () => {
    const key = rsaKey('k1');
    published = [key];
    const result = await verifyBearer(
      await sign(key, { tid: PARTNER.toUpperCase(), roles: ['Partner.Reader', 'Partner.Admin'] }),
      freshConfig(),
    );
    expect(result).toEqual({ ok: true, caller: { kind: 'user', oid: 'user-oid', name: 'Aiko', tid: PARTNER, role: 'Partner.Admin' } });
  });

  it('refuses a wrong audience, an issuer not of the token’s own tenant, a token not yet valid or expired beyond the skew, a forged signature, HS256', async () => {
    const key = rsaKey('k1');
    published = [key];
    const now = Math.floor(Date.now() / 1000);
    const config = freshConfig();
    const refused = async (token: string) => {
      const result = await verifyBearer(token, config);
      expect(result.ok).toBe(false);
      return result.ok ? '' : result.reason;
    };
    expect(await refused(await sign(key, { aud: 'api://other' }))).toContain('aud');
    expect(await refused(await sign(key, { iss: ISSUER.replace('{tenantid}', HOME) }))).toContain('iss');
    expect(await refused(await sign(key, { nbf: now + CLOCK_SKEW_SECONDS + 60 }))).toContain('nbf');
    expect(await refused(await sign(key, { exp: now - CLOCK_SKEW_SECONDS - 60 }))).toContain('exp');
    expect(await refused(await sign({ ...rsaKey('k1') }))).toContain('signature');
    expect(
      await refused(
        await sign({ kty: 'oct', k: Buffer.from('a shared secret of enough length!').toString('base64url'), kid: 'k1' }, {}, 'HS256'),
      ),
    ).not.toBe('');
    expect(await refused(await sign(key, { tid: 'not-a-guid' }))).toContain('tid');
  });

  it('accepts a token a little early or late, within the clock skew', async () => {
    const key = rsaKey('k1');
    published = [key];
    const now = Math.floor(Date.now() / 1000);
    const config = freshConfig();
    expect((await verifyBearer(await sign(key, { nbf: now + 30 }), config)).ok).toBe(true);
    expect((await verifyBearer(await sign(key, { exp: now - 30 }), config)).ok).toBe(true);
  });
});
