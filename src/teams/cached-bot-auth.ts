import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorFactory,
  UserTokenClient,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ConnectorClient,
} from 'botframework-connector';
import type { Activity, SignInUrlResponse, TokenExchangeRequest, TokenResponse, TokenStatus } from 'botbuilder';

/** More service URLs than Teams has regions; past this the oldest client is dropped. */
const MAX_CLIENTS = 64;

/**
 * botbuilder's BotFrameworkAuthentication with two per-turn costs removed.
 * CloudAdapter builds a new ConnectorClient and a new UserTokenClientImpl on every turn (much
 * of a bare echo bot's CPU); botbuilder's older adapter kept one connector per service
 * URL. Here the connector client is kept per app id / service URL / audience, and the user-token
 * client (OAuth cards, which this bot does not use) is built only when one of its methods is
 * called. A kept client stays correct: its credentials object signs every request and renews its
 * own token, so nothing about the token is frozen by keeping the client.
 */
export class CachedBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: this.caching(factory, result.claimsIdentity) } : result;
  }

  authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.caching(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  async createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return new LazyUserTokenClient(() => this.inner.createUserTokenClient(withAppIdClaim(claimsIdentity)));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  /** The app id the inner factory was built for (botbuilder reads it from the same claims). */
  private caching(inner: ConnectorFactory, claims: ClaimsIdentity): ConnectorFactory {
    const appId =
      claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
    return new CachingConnectorFactory((serviceUrl, audience) => {
      const key = `${appId}\n${serviceUrl}\n${audience ?? ''}`;
      const kept = this.clients.get(key);
      if (kept) return kept;
      const created = inner.create(serviceUrl, audience);
      // A failed creation (credentials could not be built) is not kept: the next turn retries.
      created.catch(() => this.clients.delete(key));
      if (this.clients.size >= MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value as string);
      this.clients.set(key, created);
      return created;
    });
  }
}

/**
 * With inbound auth off (sandbox, tests) the claims name no app, and botbuilder's user-token
 * client then refuses to build the sign-in state (its app id must be a string). An empty app id
 * is what such a bot has: the credentials factory then signs nothing, as for replies.
 */
function withAppIdClaim(claims: ClaimsIdentity): ClaimsIdentity {
  const appId = claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claims.getClaimValue(AuthenticationConstants.AppIdClaim);
  if (appId !== null && appId !== undefined) return claims;
  return new ClaimsIdentity([...claims.claims, { type: AuthenticationConstants.AppIdClaim, value: '' }], claims.isAuthenticated);
}

class CachingConnectorFactory extends ConnectorFactory {
  constructor(private readonly get: (serviceUrl: string, audience?: string) => Promise<ConnectorClient>) {
    super();
  }
  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.get(serviceUrl, audience);
  }
}

/** A UserTokenClient that builds botbuilder's real one on first use and then delegates to it. */
class LazyUserTokenClient extends UserTokenClient {
  private client?: Promise<UserTokenClient>;

  constructor(private readonly create: () => Promise<UserTokenClient>) {
    super();
  }

  private real(): Promise<UserTokenClient> {
    this.client ??= this.create();
    return this.client;
  }

  async getUserToken(userId: string, connectionName: string, channelId: string, magicCode: string): Promise<TokenResponse> {
    return (await this.real()).getUserToken(userId, connectionName, channelId, magicCode);
  }
  async getSignInResource(connectionName: string, activity: Activity, finalRedirect: string): Promise<SignInUrlResponse> {
    return (await this.real()).getSignInResource(connectionName, activity, finalRedirect);
  }
  async signOutUser(userId: string, connectionName: string, channelId: string): Promise<void> {
    return (await this.real()).signOutUser(userId, connectionName, channelId);
  }
  async getTokenStatus(userId: string, channelId: string, includeFilter: string): Promise<TokenStatus[]> {
    return (await this.real()).getTokenStatus(userId, channelId, includeFilter);
  }
  async getAadTokens(
    userId: string,
    connectionName: string,
    resourceUrls: string[],
    channelId: string,
  ): Promise<Record<string, TokenResponse>> {
    return (await this.real()).getAadTokens(userId, connectionName, resourceUrls, channelId);
  }
  async exchangeToken(
    userId: string,
    connectionName: string,
    channelId: string,
    exchangeRequest: TokenExchangeRequest,
  ): Promise<TokenResponse> {
    return (await this.real()).exchangeToken(userId, connectionName, channelId, exchangeRequest);
  }
}
