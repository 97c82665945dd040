import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AuthenticationConstants, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { AppConfig } from '../config/config';
import type { Logger } from '../log/logger';
import { CachedBotFrameworkAuthentication } from './cached-bot-auth';
import { InboundAdapter } from './inbound-adapter';
import { createOnTurnError } from './on-turn-error';

/**
 * Where inbound channel tokens are checked: Microsoft's Bot Framework OpenID metadata and issuer,
 * or (tests only, through AppOverrides) a local JWKS.
 */
export interface InboundAuthSettings {
  openIdMetadataUrl: string;
  tokenIssuer: string;
}

export const PUBLIC_CLOUD_INBOUND: InboundAuthSettings = {
  openIdMetadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
  tokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
};

/**
 * botbuilder takes every URL "as given" once one is set (a token service, a metadata URL), and
 * leaves the others empty: emulator-shaped tokens then fail with "Only absolute URLs" and
 * replies with MSAL's empty_url_error. So the whole public-cloud set is named, with what was
 * configured in place.
 */
function authSettings(bot: AppConfig['bot'], inbound: InboundAuthSettings): Record<string, string> {
  return {
    ...(bot.oauthUrl ? { OAuthUrl: bot.oauthUrl } : {}),
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: inbound.tokenIssuer,
    ToBotFromChannelOpenIdMetadataUrl: inbound.openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
  };
}

/**
 * The Bot Framework adapter: inbound JWT validation (the SDK's, configured here) and outbound
 * credentials for replies. `credentialsFactory` replaces the outbound credentials (tests).
 */
export function createAdapter(
  bot: AppConfig['bot'],
  logger: Logger,
  credentialsFactory?: ServiceClientCredentialsFactory,
  inbound?: InboundAuthSettings,
): InboundAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: bot.appId,
      MicrosoftAppTenantId: bot.appTenantId || undefined,
      ...(bot.oauthUrl || inbound ? authSettings(bot, inbound ?? PUBLIC_CLOUD_INBOUND) : {}),
    },
    credentialsFactory ??
      new ConfigurationServiceClientCredentialFactory({
        MicrosoftAppId: bot.appId,
        MicrosoftAppPassword: bot.appPassword,
        MicrosoftAppType: bot.appType,
        MicrosoftAppTenantId: bot.appTenantId || undefined,
      }),
  );
  const adapter = new InboundAdapter(new CachedBotFrameworkAuthentication(auth));
  adapter.onTurnError = createOnTurnError(logger);
  return adapter;
}
