import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { queueNames } from '../../shared/queue/queues.js';
import { SettingsSchema } from '../../shared/settings.js';
import { DEFAULT_TTL, INDEXING_POLICY, PARTITION_KEY_PATH } from '../../shared/store/cosmos.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const main = read('infra/bicep/main.bicep');
const functionApp = read('infra/bicep/modules/functionApp.bicep');
const cosmos = read('infra/bicep/modules/cosmos.bicep');
const storage = read('infra/bicep/modules/storage.bicep');
const portal = read('infra/bicep/modules/staticWebApp.bicep');

/** Every setting the code reads. */
const settingsRead = Object.keys(SettingsSchema.shape);
/** Keys and connection strings: what runs locally, and must never be in Azure. */
const LOCAL_ONLY = ['COSMOS_KEY', 'AzureWebJobsStorage', 'AUTH_LOCAL_JWKS'];
/** Settings the Functions host and Application Insights read rather than our code. */
const PLATFORM = [
  'AzureWebJobsStorage__blobServiceUri',
  'AzureWebJobsStorage__credential',
  'AzureWebJobsStorage__clientId',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'APPLICATIONINSIGHTS_AUTHENTICATION_STRING',
];

const bicepAppSettings = [...functionApp.matchAll(/\{ name: '([^']+)', value:/g)].map((m) => m[1]!);
const bicepDefault = (param: string) => new RegExp(`param ${param} \\w+ = (.+)`).exec(main)?.[1]?.trim();

describe('configuration cannot drift', () => {
  it('every setting the code reads is in local.settings.example.json', () => {
    const example = Object.keys((JSON.parse(read('local.settings.example.json')) as { Values: Record<string, string> }).Values);
    expect(settingsRead.filter((name) => !example.includes(name))).toEqual([]);
  });

  it('every setting the code reads is an app setting in the Bicep, but for local keys and connection strings', () => {
    expect(settingsRead.filter((name) => !LOCAL_ONLY.includes(name) && !bicepAppSettings.includes(name))).toEqual([]);
  });

  it('no key or connection string is deployed: Azure gets identity-based settings only', () => {
    expect(bicepAppSettings.filter((name) => LOCAL_ONLY.includes(name))).toEqual([]);
    expect(bicepAppSettings).not.toContain('FUNCTIONS_WORKER_RUNTIME'); // Flex Consumption takes the runtime from functionAppConfig
    expect(functionApp).toContain("{ name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }");
    expect(storage).toContain('allowSharedKeyAccess: false');
    expect(cosmos).toContain('disableLocalAuth: true');
  });

  it('every app setting in the Bicep is read by the code or by the platform', () => {
    expect(bicepAppSettings.filter((name) => !settingsRead.includes(name) && !PLATFORM.includes(name))).toEqual([]);
  });

  it('the Bicep creates the database and container the code uses, with its partition key and indexing', () => {
    expect(bicepDefault('cosmosDatabaseName')).toBe(`'${SettingsSchema.shape.COSMOS_DATABASE.parse(undefined)}'`);
    expect(bicepDefault('cosmosContainerName')).toBe(`'${SettingsSchema.shape.COSMOS_CONTAINER.parse(undefined)}'`);
    expect(/paths: \[\s*'([^']+)'\s*\]/.exec(cosmos)?.[1]).toBe(PARTITION_KEY_PATH);
    const included = [...cosmos.matchAll(/\{ path: '([^']+)' \}/g)].map((m) => m[1]);
    expect(included).toEqual([...INDEXING_POLICY.includedPaths, ...INDEXING_POLICY.excludedPaths].map((p) => p.path));
    expect(cosmos).toContain("capabilities: [{ name: 'EnableServerless' }]");
    expect(/defaultTtl: (-?\d+)/.exec(cosmos)?.[1]).toBe(String(DEFAULT_TTL));
  });

  it('the Bicep creates every queue the code uses, each with its -poison twin', () => {
    const declared = JSON.parse((bicepDefault('queueNames') ?? '[]').replaceAll("'", '"')) as string[];
    const created = [...declared, ...declared.map((q) => `${q}-poison`)];
    expect(storage).toContain("name: '${queueName}-poison'");
    expect(queueNames().filter((q) => !created.includes(q))).toEqual([]);
  });

  it('grants the identity exactly the roles it needs', () => {
    expect(storage).toContain("'974c5e8b-45b9-4653-ba55-5f855dd0fb88'"); // Storage Queue Data Contributor
    expect(storage).toContain("'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'"); // Storage Blob Data Owner
    expect(cosmos).toContain('sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'); // Cosmos DB Built-in Data Contributor
  });

  it('takes the Entra tenant and the API app registration as parameters, trusts no local issuer, and keeps CORS in the app', () => {
    expect(main).toMatch(/param authTenantId string\n/);
    expect(main).toMatch(/param apiAudience string\n/);
    expect(main).toMatch(/@secure\(\)\nparam serviceKey string/);
    expect(functionApp).toContain("{ name: 'AUTH_TENANT_ID', value: authTenantId }");
    expect(functionApp).toContain("{ name: 'AUTH_AUDIENCE', value: apiAudience }");
    expect(functionApp).not.toContain('AUTH_LOCAL_JWKS');
    expect(functionApp).not.toMatch(/\bcors:/);
  });

  it('deploys on Node 22 LTS by default', () => {
    expect(bicepDefault('nodeVersion')).toBe("'22'");
    expect(functionApp).toContain("runtime: { name: 'node', version: nodeVersion }");
  });

  it('deploys the portal as a Static Web App whose /api is the function app', () => {
    expect(main).toContain("module portal 'modules/staticWebApp.bicep'");
    expect(main).toContain('functionAppId: functionApp.outputs.id');
    expect(portal).toContain("resource site 'Microsoft.Web/staticSites@");
    expect(portal).toContain('backendResourceId: functionAppId');
    // The SWA serves portal/dist with the fallback the local host imitates.
    expect(JSON.parse(read('portal/public/staticwebapp.config.json')).navigationFallback.rewrite).toBe('/index.html');
  });
});
