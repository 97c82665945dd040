// MMD Assist on Azure: App Service (Linux, Node 24 LTS) running `npm start`, the Azure Bot with the
// Teams channel, a Key Vault holding every secret (the app sees them through Key Vault
// references), a storage account + container for STORAGE=azure-blob, Application Insights.
// Every variable of README's configuration table is set in `appSettings` below, and nothing
// else the app does not read (test/deployment checks both). Not deployed from the development
// machine (no Azure there): review before first use, see deployment/README.md.

@description('Base name for the resources.')
param name string = 'mmd-assist-${uniqueString(resourceGroup().id)}'
param location string = resourceGroup().location

@description('Application (client) id of the bot\'s Entra app registration (MicrosoftAppId).')
param botAppId string
@secure()
@description('A client secret of the bot\'s app registration (MicrosoftAppPassword). Stored in Key Vault.')
param botAppPassword string
@allowed(['SingleTenant', 'MultiTenant'])
@description('SingleTenant for new bots (Azure no longer creates multi-tenant bots).')
param botAppType string = 'SingleTenant'
@description('Tenant of the bot\'s app registration (MicrosoftAppTenantId, SingleTenant only).')
param botTenantId string = tenant().tenantId
@allowed(['F0', 'S1'])
@description('Azure Bot pricing tier; Teams is a standard channel, free on F0.')
param botSku string = 'F0'

@description('Entra tenant id of the MMD tenant (MMD_TENANT_ID).')
param mmdTenantId string
@description('MMD API root (MMD_API_BASE_URL); pre-production: https://mmdlsppe.microsoft.com/support/odata/v1/.')
param mmdApiBaseUrl string = 'https://mmdls.microsoft.com/support/odata/v1/'
@description('App registration with MmdSupport.ReadWrite (MMD_CLIENT_ID); empty = the bot registration.')
param mmdClientId string = ''
@secure()
@description('Its client secret (MMD_CLIENT_SECRET); empty = the bot\'s password. Stored in Key Vault.')
param mmdClientSecret string = ''
@description('Token scope of the MMD API (MMD_SCOPE).')
param mmdScope string = 'https://mwaas-services-customerapi-prod.azurewebsites.net/.default'
@description('Time limit of one MMD API call in ms (MMD_TIMEOUT_MS).')
param mmdTimeoutMs int = 10000
@description('Identity platform host (AAD_AUTHORITY_HOST).')
param aadAuthorityHost string = 'https://login.microsoftonline.com'
@description('Microsoft Graph root (GRAPH_BASE_URL).')
param graphBaseUrl string = 'https://graph.microsoft.com'
@allowed(['app', 'user'])
@description('Whose token MMD calls carry (MMD_AUTH): app = client credentials; user = on behalf of the signed-in admin (Teams SSO; creates the OAuth connection below).')
param mmdAuth string = 'app'
@description('Name of the Azure Bot OAuth connection used for Teams SSO with mmdAuth=user (OAUTH_CONNECTION_NAME).')
param oauthConnectionName string = 'mmd-assist-sso'

@description('UPNs or object ids with the elevation-admin role (elevation details, close requests), comma-separated (ELEVATION_ADMINS).')
param elevationAdmins string = ''
@description('Entra group whose members have the elevation-admin role (ELEVATION_ADMIN_GROUP_ID); needs GroupMember.Read.All.')
param elevationAdminGroupId string = ''
@description('UPNs or object ids with the bot-admin role (audit, subscribe all), comma-separated (BOT_ADMINS).')
param botAdmins string = ''
@description('Entra group whose members have the bot-admin role (BOT_ADMIN_GROUP_ID); needs GroupMember.Read.All.')
param botAdminGroupId string = ''
@minValue(1)
@maxValue(3600)
param elevationRevealSeconds int = 300
@description('UPNs or object ids with the operator role, comma-separated (OPERATORS).')
param operators string = ''
@description('Entra group whose members have the operator role (OPERATOR_GROUP_ID); needs GroupMember.Read.All.')
param operatorGroupId string = ''
@allowed(['reader', 'operator', 'admin'])
@description('Role of everyone else (DEFAULT_ROLE).')
param defaultRole string = 'reader'
@description('Tenant ids whose users may use the bot, comma-separated (ALLOWED_TENANT_IDS); empty = the MMD tenant only.')
param allowedTenantIds string = ''
@allowed(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
param logLevel string = 'info'
@description('Blob container for the bot\'s state (AZURE_STORAGE_CONTAINER).')
param storageContainer string = 'mmd-assist'
@minValue(1)
param instanceCount int = 1
param appServiceSku string = 'B1'

// ---- Storage for STORAGE=azure-blob -------------------------------------------------------
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('st${uniqueString(resourceGroup().id, name)}', 24)
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: storageContainer
  properties: { publicAccess: 'None' }
}

// ---- Secrets: Key Vault, read by the web app's managed identity ---------------------------
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('kv${uniqueString(resourceGroup().id, name)}', 24)
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-app-password'
  properties: { value: botAppPassword }
}

resource mmdClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(mmdClientSecret)) {
  parent: vault
  name: 'mmd-client-secret'
  properties: { value: mmdClientSecret }
}

resource storageSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

// ---- Telemetry: App Service's Node.js agent sends to Application Insights; the app sets nothing
resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

// ---- The web app ----------------------------------------------------------------------------
resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku, capacity: instanceCount }
  properties: { reserved: true }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'npm start'
      healthCheckPath: '/healthz'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

// Key Vault Secrets User: the web app may read the secrets its settings refer to.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, web.id, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: web.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

var keyVaultRef = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName='

// Applied after the role assignment, so the Key Vault references resolve at the first start.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: web
  name: 'appsettings'
  dependsOn: [secretsUser, botPasswordSecret, mmdClientSecretSecret, storageSecret, container]
  properties: {
    // The app (README, Configuration)
    PORT: '8080'
    MicrosoftAppId: botAppId
    MicrosoftAppPassword: '${keyVaultRef}${botPasswordSecret.name})'
    MicrosoftAppType: botAppType
    MicrosoftAppTenantId: botAppType == 'SingleTenant' ? botTenantId : ''
    // Test-only overrides of botbuilder's token check and of the token endpoint: empty = unset.
    AAD_TOKEN_ENDPOINT: ''
    MMD_API_BASE_URL: mmdApiBaseUrl
    MMD_TENANT_ID: mmdTenantId
    MMD_CLIENT_ID: mmdClientId
    MMD_CLIENT_SECRET: '${keyVaultRef}${empty(mmdClientSecret) ? botPasswordSecret.name : 'mmd-client-secret'})'
    MMD_SCOPE: mmdScope
    MMD_TIMEOUT_MS: string(mmdTimeoutMs)
    API_MAX_ANSWER_MB: '8'
    AAD_AUTHORITY_HOST: aadAuthorityHost
    GRAPH_BASE_URL: graphBaseUrl
    STORAGE: 'azure-blob'
    AZURE_STORAGE_CONNECTION_STRING: '${keyVaultRef}${storageSecret.name})'
    AZURE_STORAGE_CONTAINER: storageContainer
    ELEVATION_ADMINS: elevationAdmins
    ELEVATION_ADMIN_GROUP_ID: elevationAdminGroupId
    ELEVATION_REVEAL_SECONDS: string(elevationRevealSeconds)
    BOT_ADMINS: botAdmins
    BOT_ADMIN_GROUP_ID: botAdminGroupId
    OPERATORS: operators
    OPERATOR_GROUP_ID: operatorGroupId
    DEFAULT_ROLE: defaultRole
    ALLOWED_TENANT_IDS: allowedTenantIds
    BOT_DOMAIN: web.properties.defaultHostName
    LOG_LEVEL: logLevel
    // Empty = the default: all interfaces (inbound auth is on), auth required, 60 s polls, 50 sends/s.
    HOST: ''
    ALLOW_UNAUTHENTICATED: 'false'
    NOTIFY_POLL_SECONDS: '60'
    NOTIFY_MAX_PER_SECOND: '50'
    NOTIFY_NOTES_PER_POLL: '20'
    // The dashboard tab: client credentials, SSO tokens for api://<host>/<bot app id>, Entra's metadata.
    MMD_AUTH: mmdAuth
    // MMD_AUTH=user: the OAuth connection below; OAuthUrl empty = the public cloud's token service.
    OAUTH_CONNECTION_NAME: mmdAuth == 'user' ? oauthConnectionName : ''
    OAuthUrl: ''
    TAB_SSO_AUDIENCE: 'api://${web.properties.defaultHostName}/${botAppId}'
    TAB_SSO_METADATA_URL: ''
    // Sandbox and development only: empty = unset.
    TAB_DEV_USER_UPN: ''
    TAB_DEV_USER_NAME: ''
    PLAYGROUND_PORT: ''
    // The platform
    WEBSITES_PORT: '8080'
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
    // Read by the app (src/telemetry, the Azure Monitor OpenTelemetry distro). No
    // ApplicationInsightsAgent_EXTENSION_VERSION: App Service's own Node.js agent would record
    // every request and dependency a second time next to the distro.
    APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
    OTEL_SERVICE_NAME: name
  }
}

// ---- The Azure Bot and its Teams channel ----------------------------------------------------
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: 'MMD Assist'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: botAppType
    msaAppTenantId: botAppType == 'SingleTenant' ? botTenantId : null
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

// MMD_AUTH=user: Teams SSO through this connection (Entra ID v2, the bot's app registration). Its
// token is for the app's own API (api://<host>/<app id>/access_as_user); the bot exchanges it on
// behalf of the user for the MMD scope. tokenExchangeUrl is the manifest's webApplicationInfo.resource.
resource oauthConnection 'Microsoft.BotService/botServices/connections@2022-09-15' = if (mmdAuth == 'user') {
  parent: bot
  name: oauthConnectionName
  location: 'global'
  properties: {
    serviceProviderDisplayName: 'Azure Active Directory v2'
    serviceProviderId: '30dd229c-58e3-4a48-bdfd-91ec48eb906c'
    clientId: botAppId
    clientSecret: botAppPassword
    scopes: 'openid profile offline_access api://${web.properties.defaultHostName}/${botAppId}/access_as_user'
    parameters: [
      { key: 'tenantID', value: botAppType == 'SingleTenant' ? botTenantId : 'common' }
      { key: 'tokenExchangeUrl', value: 'api://${web.properties.defaultHostName}/${botAppId}' }
    ]
  }
}

output webAppName string = web.name
output botDomain string = web.properties.defaultHostName
output messagingEndpoint string = 'https://${web.properties.defaultHostName}/api/messages'
output keyVaultName string = vault.name
// For the Microsoft 365 Agents Toolkit (m365agents.yml): arm/deploy writes outputs to env/.env.<env>.
output BOT_DOMAIN string = web.properties.defaultHostName
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = web.id
