import {
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import { AuthenticationConstants, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { AppConfig } from '../config/config';
import type { Logger } from '../log/logger';
import { CachedBotFrameworkAuthentication } from './cached-bot-auth';
import { InboundAdapter } from './inbound-adapter';
import { createOnTurnError } from './on-turn-error';

/**
 * The Bot Framework token service (OAuthUrl: MMD_AUTH=user). botbuilder takes every URL "as
 * given" once one is set, so the public cloud's other values are named too unless configured.
 */
function tokenServiceSettings(bot: AppConfig['bot']): Record<string, string> {
  return {
    OAuthUrl: bot.oauthUrl!,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: bot.tokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToBotFromChannelOpenIdMetadataUrl: bot.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
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
): InboundAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: bot.appId,
      MicrosoftAppTenantId: bot.appTenantId || undefined,
      ...(bot.openIdMetadataUrl ? { ToBotFromChannelOpenIdMetadataUrl: bot.openIdMetadataUrl } : {}),
      ...(bot.tokenIssuer ? { ToBotFromChannelTokenIssuer: bot.tokenIssuer } : {}),
      ...(bot.oauthUrl ? tokenServiceSettings(bot) : {}),
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
