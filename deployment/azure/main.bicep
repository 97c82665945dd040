// MMD Assist on Azure: App Service (Linux, Node 20), storage for scale-out state, Azure Bot
// with the Teams channel. Parameters hold secrets as @secure() and land in app settings only.

@description('Base name for the resources.')
param name string = 'mmd-assist-${uniqueString(resourceGroup().id)}'
param location string = resourceGroup().location

@description('Entra application (client) id of the bot.')
param botAppId string
@secure()
@description('Client secret of the bot registration.')
param botAppPassword string
@allowed(['MultiTenant', 'SingleTenant'])
param botAppType string = 'SingleTenant'

@description('Entra tenant id of the MMD tenant (and of a single-tenant bot).')
param mmdTenantId string
@description('MMD API root.')
param mmdApiBaseUrl string = 'https://mmdls.microsoft.com/support/odata/v1/'
@description('App registration for the MMD API; empty = the bot registration.')
param mmdClientId string = ''
@secure()
param mmdClientSecret string = ''

@description('UPNs or object ids allowed to see elevation details, comma-separated.')
param elevationAdmins string = ''
param elevationAdminGroupId string = ''
@minValue(1)
param instanceCount int = 1

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: take(toLower(replace(name, '-', '')), 24)
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-01-01' = {
  name: '${storage.name}/default/mmd-assist'
}

resource plan 'Microsoft.Web/serverfarms@2023-01-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: 'B1', capacity: instanceCount }
  properties: { reserved: true }
}

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

resource web 'Microsoft.Web/sites@2023-01-01' = {
  name: name
  location: location
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm start'
      healthCheckPath: '/healthz'
      alwaysOn: true
      minTlsVersion: '1.2'
      appSettings: [
        { name: 'MicrosoftAppId', value: botAppId }
        { name: 'MicrosoftAppPassword', value: botAppPassword }
        { name: 'MicrosoftAppType', value: botAppType }
        { name: 'MicrosoftAppTenantId', value: botAppType == 'SingleTenant' ? mmdTenantId : '' }
        { name: 'MMD_API_BASE_URL', value: mmdApiBaseUrl }
        { name: 'MMD_TENANT_ID', value: mmdTenantId }
        { name: 'MMD_CLIENT_ID', value: mmdClientId }
        { name: 'MMD_CLIENT_SECRET', value: mmdClientSecret }
        { name: 'STORAGE', value: 'azure-blob' }
        { name: 'AZURE_STORAGE_CONNECTION_STRING', value: storageConnection }
        { name: 'AZURE_STORAGE_CONTAINER', value: 'mmd-assist' }
        { name: 'ELEVATION_ADMINS', value: elevationAdmins }
        { name: 'ELEVATION_ADMIN_GROUP_ID', value: elevationAdminGroupId }
        { name: 'PORT', value: '8080' }
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'MMD Assist'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: botAppType
    msaAppTenantId: botAppType == 'SingleTenant' ? mmdTenantId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

output webAppName string = web.name
output messagingEndpoint string = 'https://${web.properties.defaultHostName}/api/messages'
