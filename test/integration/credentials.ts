import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import type { JWK } from 'jose';
import { DEV_HOME_TENANT, devSigningKey, devToken } from '../../local/devIssuer.js';
import type { Role } from '../../shared/auth/roles.js';
import { TEST_KEY } from './testHost.js';

/** Tenants of the tests: Contoso's users act for contoso-jp, Fourth Coffee's for fourth-coffee. */
export const CONTOSO_TENANT = '3f6c1a52-8d4e-4b7a-9c2e-5a1d7e0b9f31';
export const FOURTH_COFFEE_TENANT = '6a2d9c14-3b5e-4f7a-8c1d-2e9f0a4b7c63';
export { DEV_HOME_TENANT };

/** A key pair the host has never seen, carrying the dev key's `kid`: a forged signature, not a missing key. */
export function strangerKey(): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...(privateKey.export({ format: 'jwk' }) as JsonWebKey as JWK), kid: devSigningKey().kid!, alg: 'RS256' };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function tokenFor(role: Role, tenant: string, extra: { oid?: string; name?: string } = {}): Promise<string> {
  return devToken({ roles: [role], tenant, ...extra });
}

/** The callers of the role matrix, each as the headers it sends. */
export type CredentialName =
  | 'no token'
  | 'expired'
  | 'wrong audience'
  | 'wrong signer'
  | 'reader of another partner'
  | 'reader'
  | 'admin'
  | 'operator'
  | 'function key';

export async function credentials(): Promise<Map<CredentialName, Record<string, string>>> {
  return new Map<CredentialName, Record<string, string>>([
    ['no token', {}],
    ['expired', bearer(await devToken({ roles: ['Program.Operator'], tenant: DEV_HOME_TENANT, expired: true }))],
    ['wrong audience', bearer(await devToken({ roles: ['Program.Operator'], tenant: DEV_HOME_TENANT, audience: 'api://someone-else' }))],
    ['wrong signer', bearer(await devToken({ roles: ['Program.Operator'], tenant: DEV_HOME_TENANT, signingKey: strangerKey() }))],
    ['reader of another partner', bearer(await tokenFor('Partner.Reader', FOURTH_COFFEE_TENANT))],
    ['reader', bearer(await tokenFor('Partner.Reader', CONTOSO_TENANT))],
    ['admin', bearer(await tokenFor('Partner.Admin', CONTOSO_TENANT))],
    ['operator', bearer(await tokenFor('Program.Operator', DEV_HOME_TENANT))],
    ['function key', { 'x-functions-key': TEST_KEY }],
  ]);
}
