// The portal (portal/dist) as an Azure Static Web App. `/api/*` goes to the function app as a
// linked backend, so the page calls the API on its own origin and needs no CORS. Linked backends
// need the Standard plan.
param name string
param location string
param tags object

@description('Resource id and region of the function app that answers /api.')
param functionAppId string
param functionAppLocation string

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    // The built bundle is uploaded with a deployment token (README), not built from a linked repository.
    buildProperties: { skipGithubActionWorkflowGeneration: true }
    stagingEnvironmentPolicy: 'Disabled'
    allowConfigFileUpdates: true
  }
}

resource api 'Microsoft.Web/staticSites/linkedBackends@2024-04-01' = {
  parent: site
  name: 'api'
  properties: {
    backendResourceId: functionAppId
    region: functionAppLocation
  }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostname}'
