import { describe, expect, it } from 'vitest';
import { entraConfigFrom, entraCredentials, type EntraClient } from '../../portal/src/entra.js';

/** MSAL's client as the portal uses it, recording what the adapter asked of it. */
function fakeClient(options: { account?: object; silent?: 'ok' | 'fails' } = {}) {
  const calls: string[] = [];
  let account: object | null = options.account ?? null;
  const client: EntraClient = {
    getActiveAccount: () => account,
    setActiveAccount: (a) => {
      account = a;
      calls.push(`setActiveAccount ${a === null ? 'null' : 'account'}`);
    },
    acquireTokenSilent: async (request) => {
      calls.push(`silent ${request.scopes.join(' ')}`);
      if (options.silent === 'fails') throw new Error('interaction_required');
      return { accessToken: 'token-for-the-api' };
    },
    acquireTokenRedirect: async (request) => void calls.push(`redirect ${request.scopes.join(' ')}`),
    loginRedirect: async (request) => void calls.push(`login ${request.scopes.join(' ')}`),
  };
  return { client, calls };
}

const SCOPE = 'api://pcs-api/access_as_user';

describe('portal sign-in with Microsoft Entra ID', () => {
  it('is configured by the build: client id and API scope, the multi-tenant authority by default', () => {
    expect(entraConfigFrom({})).toBeUndefined();
    expect(entraConfigFrom({ VITE_ENTRA_CLIENT_ID: 'c1' })).toBeUndefined();
    expect(entraConfigFrom({ VITE_ENTRA_CLIENT_ID: ' c1 ', VITE_API_SCOPE: SCOPE })).toEqual({
      clientId: 'c1',
      authority: 'https://login.microsoftonline.com/organizations',
      scopes: [SCOPE],
    });
    expect(
      entraConfigFrom({ VITE_ENTRA_CLIENT_ID: 'c1', VITE_API_SCOPE: SCOPE, VITE_ENTRA_AUTHORITY: 'https://login.microsoftonline.com/t1' })
        ?.authority,
    ).toBe('https://login.microsoftonline.com/t1');
  });

  it('sends the API an access token acquired silently for the signed-in account', async () => {
    const { client, calls } = fakeClient({ account: {}, silent: 'ok' });
    const credentials = entraCredentials(client, [SCOPE]);
    expect(credentials.signedIn()).toBe(true);
    expect(await credentials.headers()).toEqual({ Authorization: 'Bearer token-for-the-api' });
    expect(calls).toEqual([`silent ${SCOPE}`]);
  });

  it('redirects to sign in when the token needs the user, and sends nothing meanwhile', async () => {
    const { client, calls } = fakeClient({ account: {}, silent: 'fails' });
    expect(await entraCredentials(client, [SCOPE]).headers()).toEqual({});
    expect(calls).toEqual([`silent ${SCOPE}`, `redirect ${SCOPE}`]);
  });

  it('signed out: no header; signing in redirects to Entra for the API scope; signing out forgets the account', async () => {
    const { client, calls } = fakeClient();
    const credentials = entraCredentials(client, [SCOPE]);
    expect(credentials.signedIn()).toBe(false);
    expect(await credentials.headers()).toEqual({});
    credentials.signIn('');
    credentials.signOut();
    expect(calls).toEqual([`login ${SCOPE}`, 'setActiveAccount null']);
  });
});
