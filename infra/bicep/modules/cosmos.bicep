// Cosmos DB for NoSQL, serverless, local (key) auth disabled; the app's identity gets the
// built-in Data Contributor role. Partition key and indexing as the code expects them.
param name string
param location string
param tags object
param databaseName string
param containerName string
param principalId string

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    capabilities: [{ name: 'EnableServerless' }]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
  }
}

resource container 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: database
  name: containerName
  properties: {
    resource: {
      id: containerName
      partitionKey: {
        paths: [
          '/partnerId'
        ]
        kind: 'Hash'
      }
      // Per-item TTL on, no default: snapshots and staged uploads carry their own `ttl`, everything else stays.
      defaultTtl: -1
      // Only what queries filter on; see INDEXING_POLICY in shared/store/cosmos.ts.
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [
          { path: '/type/?' }
          { path: '/day/?' }
          { path: '/partnerId/?' }
          { path: '/anniversaryMonthDay/?' }
          { path: '/at/?' }
        ]
        excludedPaths: [
          { path: '/*' }
        ]
      }
    }
  }
}

// Cosmos DB Built-in Data Contributor (a data-plane role, not an Azure RBAC role).
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: account
  name: guid(account.id, principalId, '00000000-0000-0000-0000-000000000002')
  properties: {
    principalId: principalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'
    scope: account.id
  }
}

output name string = account.name
output endpoint string = account.properties.documentEndpoint
