import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { effectiveRole } from './authorize.js';
import type { Caller } from './roles.js';

/** How bearer tokens are checked; from the app settings (see `tokenConfig`). */
export interface TokenConfig {
  /** The program's own tenant: the only one whose Program.Operator role counts. */
  homeTenantId: string;
  /** Accepted `aud` values: the API app registration's client id and/or its application id URI. */
  audiences: string[];
  /** The expected `iss`, with `{tenantid}` standing for the token's `tid` (the API is multi-tenant). */
  issuerTemplate: string;
  /** Where the signing keys are: the issuer's JWKS document (Azure) or a JWKS given inline (local). */
  keys:
    | {
        remote: string;
        /** No refetch sooner than this after a fetch (default 30 s): a flood of unknown key ids cannot hammer the issuer. */ cooldownMs?: number;
      }
    | { local: string };
}

export type Authenticated = { ok: true; caller: Caller } | { ok: false; reason: string };

// Entra clocks and ours may differ a little; more than this and the token is refused.
export const CLOCK_SKEW_SECONDS = 120;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let cachedKeys: { source: string; get: JWTVerifyGetKey } | undefined;

/** The key getter, kept across calls: jose caches the fetched JWKS and refetches on an unknown `kid` (key rotation). */
function keyGetter(keys: TokenConfig['keys']): JWTVerifyGetKey {
  const cooldownDuration = 'remote' in keys ? (keys.cooldownMs ?? 30_000) : 0;
  const source = 'remote' in keys ? `remote:${keys.remote}:${cooldownDuration}` : `local:${keys.local}`;
  if (cachedKeys?.source !== source) {
    const get =
      'remote' in keys
        ? createRemoteJWKSet(new URL(keys.remote), { cacheMaxAge: 6 * 60 * 60 * 1000, cooldownDuration })
        : createLocalJWKSet(JSON.parse(keys.local) as JSONWebKeySet);
    cachedKeys = { source, get };
  }
  return cachedKeys.get;
}

/** Verifies an Entra ID access token: signature, audience, expiry and not-before, then issuer for its tenant. */
export async function verifyBearer(token: string, config: TokenConfig): Promise<Authenticated> {
  try {
    const { payload } = await jwtVerify(token, keyGetter(config.keys), {
      audience: config.audiences,
      clockTolerance: CLOCK_SKEW_SECONDS,
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'iss', 'tid', 'oid'],
    });
    const { tid, oid } = payload as { tid?: unknown; oid?: unknown };
    if (typeof tid !== 'string' || !GUID.test(tid)) return { ok: false, reason: 'the token has no valid tid claim' };
    if (typeof oid !== 'string' || oid === '') return { ok: false, reason: 'the token has no oid claim' };
    if (payload.iss !== config.issuerTemplate.replaceAll('{tenantid}', tid)) return { ok: false, reason: 'unexpected "iss" claim value' };
    // Tenant ids are GUIDs; one spelling keeps the access map's keys and the home-tenant check exact.
    const tenant = tid.toLowerCase();
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
    const name = [payload.name, payload.preferred_username].find((n): n is string => typeof n === 'string' && n !== '') ?? oid;
    return { ok: true, caller: { kind: 'user', oid, name, tid: tenant, role: effectiveRole(roles, tenant, config.homeTenantId) } };
  } catch (error) {
    // jose's messages name the failed check ("\"exp\" claim timestamp check failed", "signature verification failed").
    return { ok: false, reason: error instanceof Error ? error.message : 'invalid token' };
  }
}
