/**
 * How the portal proves who it is to the API. Today: the function key, typed once per browser
 * session. The identity issue will add an Entra ID (MSAL) implementation returning
 * `Authorization: Bearer …` from the same interface; nothing else in the portal changes.
 */
export interface Credentials {
  /** Headers to send with every API call; empty while signed out. */
  headers(): Promise<Record<string, string>>;
  signedIn(): boolean;
  signIn(secret: string): void;
  signOut(): void;
}

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
