import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { importJWK, SignJWT, type JWK } from 'jose';
import type { Role } from '../shared/auth/roles.js';

/**
 * The local development issuer: an RSA key pair made once per checkout (git-ignored, under
 * local/.dev-issuer/), whose public half the local host trusts in place of Entra ID, and whose
 * private half `npm run token` signs with. Nothing here is used in Azure.
 */
const DIR = new URL('./.dev-issuer/', import.meta.url);
const KEY_FILE = new URL('signing-key.jwk.json', DIR);

/** Stand-ins for the Entra values: the program's own tenant, the demo partner's tenant, the API's audience. */
export const DEV_HOME_TENANT = '9b1e4d27-6c3a-4f85-a0d2-7e8c5b3f1a64';
export const DEMO_TENANT = '3f6c1a52-8d4e-4b7a-9c2e-5a1d7e0b9f31';
export const DEMO_TENANT_PARTNERS = ['contoso-jp'];
export const DEV_AUDIENCE = 'api://partner-capability-local';
export const DEV_USER_OID = '0d0e5f6a-1b2c-4d3e-8f40-000000000001';
export const DEV_ISSUER_TEMPLATE = 'https://dev-issuer.localhost/{tenantid}/v2.0';

let cached: JWK | undefined;

/** The checkout's signing key, made on first use; two processes starting at once keep the first one linked. */
export function devSigningKey(): JWK {
  if (cached) return cached;
  try {
    cached = JSON.parse(readFileSync(KEY_FILE, 'utf8')) as JWK;
  } catch {
    mkdirSync(DIR, { recursive: true });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = privateKey.export({ format: 'jwk' }) as JsonWebKey as JWK;
    // Written aside, then linked into place: a reader never sees half a file, and link() fails if another process won.
    const aside = new URL(`signing-key.${process.pid}.tmp`, DIR);
    writeFileSync(aside, JSON.stringify({ ...jwk, kid: `dev-${Date.now()}`, alg: 'RS256', use: 'sig' }), { mode: 0o600 });
    try {
      linkSync(aside, KEY_FILE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(aside);
    }
    cached = JSON.parse(readFileSync(KEY_FILE, 'utf8')) as JWK;
  }
  return cached;
}

/** The public JWKS of the dev issuer: the private members removed. */
export function devJwks(): { keys: JWK[] } {
  const { kty, n, e, kid, alg, use } = devSigningKey();
  return { keys: [{ kty, n, e, kid, alg, use }] };
}

/** The settings under which the app trusts the dev issuer (the local host uses them unless AUTH_TENANT_ID is set). */
export function devIssuerSettings(): Record<string, string> {
  return {
    AUTH_TENANT_ID: DEV_HOME_TENANT,
    AUTH_AUDIENCE: DEV_AUDIENCE,
    AUTH_ISSUER: DEV_ISSUER_TEMPLATE,
    AUTH_LOCAL_JWKS: JSON.stringify(devJwks()),
  };
}

export interface DevTokenOptions {
  roles: readonly (Role | string)[];
  tenant: string;
  audience?: string;
  /** Expired an hour ago (well beyond the clock skew allowed). */
  expired?: boolean;
  oid?: string;
  name?: string;
  /** Sign with this key instead (a wrong signer, for tests); it keeps the dev key's `kid`. */
  signingKey?: JWK;
}

/** An access token shaped like Entra ID's v2 tokens, signed by the dev issuer. */
export async function devToken(options: DevTokenOptions): Promise<string> {
  const key = devSigningKey();
  const now = Math.floor(Date.now() / 1000);
  const issuedAt = options.expired ? now - 2 * 3600 : now;
  const oid = options.oid ?? DEV_USER_OID;
  return new SignJWT({
    tid: options.tenant,
    oid,
    name: options.name ?? `Local ${options.roles.join(', ') || 'user'}`,
    roles: [...options.roles],
    ver: '2.0',
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid! })
    .setIssuer(DEV_ISSUER_TEMPLATE.replaceAll('{tenantid}', options.tenant))
    .setAudience(options.audience ?? DEV_AUDIENCE)
    .setSubject(oid)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + 3600)
    .sign(await importJWK(options.signingKey ?? key, 'RS256'));
}
