import type { Credentials } from './credentials.js';

/** Sign-in with Microsoft Entra ID, set at build time: the portal's app registration and the API's scope. */
export interface EntraConfig {
  clientId: string;
  authority: string;
  scopes: string[];
}

/** The Entra settings from the build's environment (`VITE_ENTRA_CLIENT_ID`, …); none means the key or a pasted token. */
export function entraConfigFrom(env: Record<string, string | undefined>): EntraConfig | undefined {
  const clientId = env.VITE_ENTRA_CLIENT_ID?.trim();
  const scope = env.VITE_API_SCOPE?.trim();
  if (!clientId || !scope) return undefined;
  // Multi-tenant: partners' users sign in from their own tenants.
  return { clientId, authority: env.VITE_ENTRA_AUTHORITY?.trim() || 'https://login.microsoftonline.com/organizations', scopes: [scope] };
}

/** The part of MSAL's PublicClientApplication the portal uses (so the adapter can be tested on its own). */
export interface EntraClient {
  getActiveAccount(): object | null;
  setActiveAccount(account: object | null): void;
  acquireTokenSilent(request: { scopes: string[]; account: object }): Promise<{ accessToken: string }>;
  acquireTokenRedirect(request: { scopes: string[] }): Promise<void>;
  loginRedirect(request: { scopes: string[] }): Promise<void>;
}

/**
 * Entra ID behind the portal's Credentials: an access token for the API on every call, refreshed
 * silently; when that needs the user (consent, an expired session), MSAL redirects to sign in.
 */
export function entraCredentials(client: EntraClient, scopes: string[]): Credentials {
  return {
    async headers(): Promise<Record<string, string>> {
      const account = client.getActiveAccount();
      if (!account) return {};
      try {
        return { Authorization: `Bearer ${(await client.acquireTokenSilent({ scopes, account })).accessToken}` };
      } catch {
        await client.acquireTokenRedirect({ scopes });
        return {};
      }
    },
    signedIn: () => client.getActiveAccount() !== null,
    signIn: () => void client.loginRedirect({ scopes }),
    signOut: () => client.setActiveAccount(null),
  };
}
