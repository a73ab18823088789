import { z } from 'zod';
import type { TokenConfig } from './tokens.js';

// An app setting present but empty counts as absent (local.settings.example.json lists them all).
const blank = (v: unknown) => (v === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const withDefault = (value: string) => z.preprocess(blank, z.string().min(1).default(value));
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The app settings of sign-in, roles and CORS; part of `SettingsSchema`. */
export const AUTH_SETTINGS = {
  /** The program's Entra tenant: its Program.Operator role is the only one honoured. Unset: no bearer token is accepted. */
  AUTH_TENANT_ID: optional(z.string().regex(GUID, 'a tenant id (GUID)')),
  /** The API app registration's client id and/or application id URI, comma-separated: the accepted `aud`. */
  AUTH_AUDIENCE: optional(z.string().min(1)),
  /** The expected issuer; `{tenantid}` is the token's own tenant, since partners' users sign in from their tenants. */
  AUTH_ISSUER: withDefault('https://login.microsoftonline.com/{tenantid}/v2.0'),
  /** The signing keys of every Entra tenant (fetched, cached, refetched when a new key id appears). */
  AUTH_JWKS_URI: withDefault('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  /** Local only: a JWKS given inline (the local development issuer's); when set it replaces AUTH_JWKS_URI. */
  AUTH_LOCAL_JWKS: optional(z.string().min(1)),
  /** The server-to-server key (x-functions-key or ?code=), with operator rights. Unset: no key is accepted. */
  FUNCTIONS_KEY: optional(z.string().min(16, 'at least 16 characters')),
  /** The portal's origins, comma-separated, for CORS (the local host; in Azure the platform's CORS from the Bicep). */
  CORS_ALLOWED_ORIGINS: optional(z.string().min(1)),
};

type AuthSettings = z.infer<z.ZodObject<typeof AUTH_SETTINGS>>;

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** How tokens are checked, or undefined when sign-in is not configured (then only the key gets in). */
export function tokenConfig(s: AuthSettings): TokenConfig | undefined {
  if (!s.AUTH_TENANT_ID || !s.AUTH_AUDIENCE) return undefined;
  return {
    homeTenantId: s.AUTH_TENANT_ID.toLowerCase(),
    audiences: list(s.AUTH_AUDIENCE),
    issuerTemplate: s.AUTH_ISSUER,
    keys: s.AUTH_LOCAL_JWKS ? { local: s.AUTH_LOCAL_JWKS } : { remote: s.AUTH_JWKS_URI },
  };
}

export const corsOrigins = (s: Pick<AuthSettings, 'CORS_ALLOWED_ORIGINS'>): string[] => list(s.CORS_ALLOWED_ORIGINS);
