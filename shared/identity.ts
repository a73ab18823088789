import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import type { Settings } from './settings.js';

let credential: TokenCredential | undefined;

/** The managed identity in Azure (AZURE_CLIENT_ID names the user-assigned one), a developer's sign-in elsewhere. */
export function azureCredential(settings: Pick<Settings, 'AZURE_CLIENT_ID'>): TokenCredential {
  return (credential ??= new DefaultAzureCredential(settings.AZURE_CLIENT_ID ? { managedIdentityClientId: settings.AZURE_CLIENT_ID } : {}));
}
