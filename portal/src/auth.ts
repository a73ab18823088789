import type { Credentials } from './credentials.js';

export type { Credentials } from './credentials.js';

const KEY = 'pcs.functionKey';

/** The function key in sessionStorage: gone when the tab closes, never in localStorage or the URL. */
export function functionKeyCredentials(storage: Storage = sessionStorage): Credentials {
  return {
    async headers(): Promise<Record<string, string>> {
      const key = storage.getItem(KEY);
      return key ? { 'x-functions-key': key } : {};
    },
    signedIn: () => storage.getItem(KEY) !== null,
    signIn: (secret) => storage.setItem(KEY, secret.trim()),
    signOut: () => storage.removeItem(KEY),
  };
}

const TOKEN = 'pcs.bearerToken';
// Three base64url parts: a JWT (e.g. from `npm run --silent token`), not a function key.
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** A pasted Entra ID (or local development issuer) access token, sent as `Authorization: Bearer`; same storage rules as the key. */
export function bearerTokenCredentials(storage: Storage = sessionStorage): Credentials {
  return {
    async headers(): Promise<Record<string, string>> {
      const token = storage.getItem(TOKEN);
      return token ? { Authorization: `Bearer ${token}` } : {};
    },
    signedIn: () => storage.getItem(TOKEN) !== null,
    signIn: (secret) => storage.setItem(TOKEN, secret.trim()),
    signOut: () => storage.removeItem(TOKEN),
  };
}

/** The sign-in field takes either: a token is sent as a bearer token, anything else as the function key. */
export function pastedCredentials(storage: Storage = sessionStorage): Credentials {
  const key = functionKeyCredentials(storage);
  const token = bearerTokenCredentials(storage);
  const current = () => (token.signedIn() ? token : key);
  return {
    headers: () => current().headers(),
    signedIn: () => key.signedIn() || token.signedIn(),
    signIn: (secret) => {
      key.signOut();
      token.signOut();
      (JWT.test(secret.trim()) ? token : key).signIn(secret);
    },
    signOut: () => {
      key.signOut();
      token.signOut();
    },
  };
}
