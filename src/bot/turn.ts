import type { AdaptiveCard } from '../cards/render';
import type { Logger } from '../log/logger';
import type { Reply } from './reply';
import type { StoredReference } from '../state/stored-reference';

/** `unknown`: the channel did not say; never treated as a 1:1 chat (fails closed). */
export type ConversationKind = 'personal' | 'groupChat' | 'channel' | 'unknown';

/** The sender as Teams' roster knows them. Every field is as Teams gave it (untrimmed). */
export interface TurnMember {
  name?: string;
  givenName?: string;
  surname?: string;
  email?: string;
  userPrincipalName?: string;
  aadObjectId?: string;
}

/**
 * MMD_AUTH=user: the sender's token of the bot's OAuth connection (Teams SSO through the Azure
 * Bot's token service). src/teams implements it over botbuilder's UserTokenClient.
 */
export interface UserTokens {
  /** The OAuth connection's name (echoed in token exchange answers). */
  readonly connectionName: string;
  /** The stored token, or undefined when the user is not signed in. `magicCode` (signin/verifyState) completes a sign-in first. */
  get(magicCode?: string): Promise<string | undefined>;
  /** Exchanges a Teams SSO token (signin/tokenExchange): the connection's token, or undefined when the service refused. */
  exchange(ssoToken: string): Promise<string | undefined>;
  /** Sends Teams' OAuth sign-in card (with the token exchange resource: Teams tries SSO first) to this conversation. */
  sendSignInCard(text: string): Promise<void>;
  /** The OAuth connection's sign-in page for this user (the message extension's `auth` answer). */
  signInLink(): Promise<string>;
  /** Forgets the user's token (the next MMD call asks them to sign in again). */
  signOut(): Promise<void>;
}

/** `activityId`: the id Teams gave the sent message, when it said. */
export type PrivateDelivery = { ok: true; conversationId: string; activityId?: string } | { ok: false };

/**
 * One incoming activity, as handlers see it: who, where, and the few things a handler may ask
 * of Teams. No SDK type crosses it; src/teams implements it (teams-turn.ts), tests fake it.
 */
export interface Turn {
  /** Shown to the user on failures and logged with every line of this turn. */
  correlationId: string;
  /** `invoke`: an Action.Execute, answered in place; `message`: everything else. */
  kind: 'message' | 'invoke';
  conversation: ConversationKind;
  conversationId: string;
  tenantId?: string;
  user: { id: string; aadObjectId?: string; name?: string };
  /** The message holding the card whose button was pressed (Teams' replyToId), if any. */
  replyToId?: string;
  /** The user's UTC offset in minutes, from the activity's local time; 0 when unknown. */
  utcOffsetMinutes: number;
  /** IANA time zone name the client reported (e.g. Europe/Paris), if any. */
  localTimezone?: string;
  /** Aborted when this turn's deadline has passed (Teams stops waiting then). */
  signal: AbortSignal;
  log: Logger;
  /** The sender's roster entry; looked up once per turn, undefined when the look-up failed. */
  member(): Promise<TurnMember | undefined>;
  /**
   * Sends the card as a new message in this conversation (also from an invoke turn); answers the
   * id Teams gave that message, undefined when it gave none.
   */
  sendCard(card: AdaptiveCard, text?: string): Promise<string | undefined>;
  /** Replaces the card in message `activityId` of this conversation. */
  updateCard(activityId: string, card: AdaptiveCard): Promise<void>;
  /** Sends the card to the sender's 1:1 chat with the bot, creating that chat if needed. */
  sendPrivately(card: AdaptiveCard): Promise<PrivateDelivery>;
  /** Where a proactive message to this conversation goes; undefined when the activity lacks it. */
  reference(): StoredReference | undefined;
  /** MMD_AUTH=user only: the user's OAuth connection token. */
  userTokens?: UserTokens;
  /** Sends a reply to this conversation now (an invoke turn's extra message: a next-step card). */
  send?(reply: Reply): Promise<void>;
}
