// The partner capability service in one resource group: Functions on Flex Consumption (Node 22),
// Cosmos DB serverless, Storage queues, Application Insights, the portal as a Static Web App. No
// keys: one user-assigned managed identity reaches storage and Cosmos DB through role assignments.
targetScope = 'resourceGroup'

@description('Prefix of every resource name; lower-case letters and digits.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'pcs'

@description('Region for every resource (one where Flex Consumption is offered).')
param location string = resourceGroup().location

@description('Node.js version of the Functions runtime.')
@allowed(['20', '22'])
param nodeVersion string = '22'

@description('Most instances Flex Consumption may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per instance, MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Cosmos DB database and container; the code reads the same names from COSMOS_DATABASE and COSMOS_CONTAINER.')
param cosmosDatabaseName string = 'partner-capability'
param cosmosContainerName string = 'partners'

@description('Queues the app uses; each gets its -poison twin.')
param queueNames array = ['recompute', 'renewals']

@description('Largest request body the API accepts, bytes.')
param maxRequestBytes int = 4194304

@description('Region of the portal (Static Web Apps are offered in a few regions only).')
@allowed(['centralus', 'eastus2', 'eastasia', 'westeurope', 'westus2'])
param portalLocation string = 'eastasia'

@description('Days a daily score snapshot is kept (Cosmos DB TTL); at least 400, to keep every renewal window')
@minValue(400)
param snapshotTtlDays int = 400

param tags object = {}

@description('The program\'s own Entra tenant: its users with Program.Operator are the operators. Partners\' users sign in from their own tenants.')
param authTenantId string

@description('The API\'s app registration: its client id and/or application id URI (api://...), comma-separated; the audience of accepted tokens.')
param apiAudience string

@description('Origins of the portal allowed by CORS, comma-separated (e.g. https://portal.contoso.com); empty: none.')
param corsAllowedOrigins string = ''

@description('The server-to-server key (x-functions-key or ?code=), with operator rights; empty: bearer tokens only.')
@secure()
param serviceKey string = ''

@description('The key continuation tokens are signed with (at least 32 characters). Default: a new one on each deployment, which only makes a paging client in flight start again.')
@secure()
@minLength(32)
param continuationSecret string = newGuid()

var suffix = uniqueString(resourceGroup().id, namePrefix)

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { name: '${namePrefix}-id-${suffix}', location: location, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { namePrefix: namePrefix, suffix: suffix, location: location, tags: tags, principalId: identity.outputs.principalId }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('${namePrefix}st${suffix}', 24)
    location: location
    tags: tags
    queueNames: queueNames
    principalId: identity.outputs.principalId
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    name: '${namePrefix}-cosmos-${suffix}'
    location: location
    tags: tags
    databaseName: cosmosDatabaseName
    containerName: cosmosContainerName
    principalId: identity.outputs.principalId
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  params: {
    name: '${namePrefix}-func-${suffix}'
    planName: '${namePrefix}-plan-${suffix}'
    location: location
    tags: tags
    nodeVersion: nodeVersion
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    appInsightsConnectionString: monitoring.outputs.connectionString
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmosDatabaseName
    cosmosContainerName: cosmosContainerName
    maxRequestBytes: maxRequestBytes
    snapshotTtlDays: snapshotTtlDays
    authTenantId: authTenantId
    apiAudience: apiAudience
    corsAllowedOrigins: corsAllowedOrigins
    serviceKey: serviceKey
    continuationSecret: continuationSecret
  }
}

module portal 'modules/staticWebApp.bicep' = {
  name: 'portal'
  params: {
    name: '${namePrefix}-portal-${suffix}'
    location: portalLocation
    tags: tags
    functionAppId: functionApp.outputs.id
    functionAppLocation: location
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppUrl string = functionApp.outputs.url
output storageAccountName string = storage.outputs.name
output cosmosAccountName string = cosmos.outputs.name
output cosmosEndpoint string = cosmos.outputs.endpoint
output identityClientId string = identity.outputs.clientId
output appInsightsName string = monitoring.outputs.appInsightsName
output portalName string = portal.outputs.name
output portalUrl string = portal.outputs.url
