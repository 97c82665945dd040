import { CardFactory, type CloudAdapterBase, type TurnContext } from 'botbuilder';
import type { UserTokenClient } from 'botframework-connector';
import type { UserTokens } from '../bot/turn';
import type { Logger } from '../log/logger';

/** The user-token client CloudAdapter put on this turn (built lazily, see cached-bot-auth.ts). */
function client(context: TurnContext): UserTokenClient {
  const key = (context.adapter as CloudAdapterBase).UserTokenClientKey;
  const found = key ? context.turnState.get<UserTokenClient | undefined>(key) : undefined;
  if (!found) throw new Error('this adapter has no user-token client');
  return found;
}

const errInfo = (err: unknown) => ({
  name: (err as Error)?.name,
  message: String((err as Error)?.message ?? err)
    .split('\n')[0]
    ?.slice(0, 200),
});

/**
 * The UserTokens port over botbuilder's UserTokenClient: the Bot Framework token service of the
 * Azure Bot's OAuth connection (the emulator's in sandbox mode, OAuthUrl). Keyed by the sender's
 * Teams id and the channel, as the service keys them.
 */
export function createUserTokens(context: TurnContext, connectionName: string, log: Logger): UserTokens {
  const { activity } = context;
  const userId = activity.from?.id ?? '';
  const channelId = activity.channelId ?? 'msteams';
  return {
    connectionName,
    async get(magicCode) {
      const response = await client(context).getUserToken(userId, connectionName, channelId, magicCode ?? '');
      return response?.token || undefined;
    },
    async exchange(ssoToken) {
      try {
        const response = await client(context).exchangeToken(userId, connectionName, channelId, { token: ssoToken });
        return response?.token || undefined;
      } catch (err) {
        log.warn({ err: errInfo(err) }, 'token exchange: the token service failed');
        return undefined;
      }
    },
    async sendSignInCard(text) {
      const resource = await client(context).getSignInResource(connectionName, activity, '');
      const card = CardFactory.oauthCard(
        connectionName,
        'Sign in',
        text,
        resource.signInLink,
        resource.tokenExchangeResource,
        resource.tokenPostResource,
      );
      await context.sendActivity({ type: 'message', attachments: [card] });
    },
    async signInLink() {
      const link = (await client(context).getSignInResource(connectionName, activity, '')).signInLink;
      if (!link) throw new Error('the token service gave no sign-in link');
      return link;
    },
    async signOut() {
      await client(context).signOutUser(userId, connectionName, channelId);
    },
  };
}
