import type { EntraClient, EntraConfig } from './entra.js';

/** MSAL itself, loaded only when Entra is configured: the page stays small for the key sign-in. */
export async function entraClient(config: EntraConfig): Promise<EntraClient> {
  const { PublicClientApplication } = await import('@azure/msal-browser');
  const client = new PublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: `${location.origin}/` },
    cache: { cacheLocation: 'sessionStorage' },
  });
  await client.initialize();
  const result = await client.handleRedirectPromise();
  const account = result?.account ?? client.getAllAccounts()[0] ?? null;
  if (account) client.setActiveAccount(account);
  return client as unknown as EntraClient;
}
