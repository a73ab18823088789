// The function app on Flex Consumption, Node 22, running as the user-assigned identity; every
// connection setting is identity-based (no connection strings, no keys).
param name string
param planName string
param location string
param tags object
param nodeVersion string
param maximumInstanceCount int
param instanceMemoryMB int
param identityId string
param identityClientId string
param blobEndpoint string
param queueEndpoint string
param deploymentContainerName string
param appInsightsConnectionString string
param cosmosEndpoint string
param cosmosDatabaseName string
param cosmosContainerName string
param maxRequestBytes int
param snapshotTtlDays int
param authTenantId string
param apiAudience string
param corsAllowedOrigins string
@secure()
param serviceKey string
@secure()
param continuationSecret string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: maximumInstanceCount, instanceMemoryMB: instanceMemoryMB }
      runtime: { name: 'node', version: nodeVersion }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        // The Functions host's own storage (blobs for timer leases, queues for triggers), by identity.
        { name: 'AzureWebJobsStorage__blobServiceUri', value: blobEndpoint }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: queueEndpoint }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        // Read by the code (shared/settings.ts).
        { name: 'COSMOS_ENDPOINT', value: cosmosEndpoint }
        { name: 'COSMOS_DATABASE', value: cosmosDatabaseName }
        { name: 'COSMOS_CONTAINER', value: cosmosContainerName }
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'MAX_REQUEST_BYTES', value: string(maxRequestBytes) }
        { name: 'SNAPSHOT_TTL_DAYS', value: string(snapshotTtlDays) }
        // Sign-in: Entra ID tokens for the API's app registration, from any tenant (partners sign in
        // from theirs); Program.Operator counts only from authTenantId. The app checks them itself:
        // every route is anonymous at the host, and the app's CORS answers the portal (platform CORS unset).
        { name: 'AUTH_TENANT_ID', value: authTenantId }
        { name: 'AUTH_AUDIENCE', value: apiAudience }
        { name: 'AUTH_ISSUER', value: 'https://login.microsoftonline.com/{tenantid}/v2.0' }
        { name: 'AUTH_JWKS_URI', value: 'https://login.microsoftonline.com/common/discovery/v2.0/keys' }
        { name: 'CORS_ALLOWED_ORIGINS', value: corsAllowedOrigins }
        // The server-to-server key the app accepts (operator rights): a secure parameter, never in the template.
        { name: 'FUNCTIONS_KEY', value: serviceKey }
        // The key continuation tokens are signed with, the same on every instance: a secure parameter too.
        { name: 'CONTINUATION_SECRET', value: continuationSecret }
      ]
    }
  }
}

output name string = app.name
output id string = app.id
output url string = 'https://${app.properties.defaultHostName}/api'
