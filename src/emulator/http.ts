/** The emulator's own request/response model: route handlers are plain functions over these. */
import type { UserTokenStore } from './user-token-store';
import type { FaultStore } from './faults';
import type { EmulatorStore } from './store';
import type { SigningKey } from './signing-key';
import type { TokenIssuer } from './token';

export interface ApiRequest {
  /** Path parameters, already URL-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON or form body; undefined when there was none. */
  body: unknown;
  /** Who calls: the user of an OBO token, else the X-Emulator-Upn header, else the token's client id. */
  caller: string;
  /** Absolute URL of the request path, without query (base of @odata.nextLink). */
  selfUrl: string;
  /** Graph's client-request-id header, echoed in Graph error bodies. */
  clientRequestId?: string;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface EmulatorSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The app id URI Teams SSO tokens are issued for (the OAuth connection's token exchange URL). */
  ssoResource: string;
  /** The bot the token service serves: its routes then want a bearer token issued to this app id. */
  botAppId?: string;
}

export interface RouteContext {
  store: EmulatorStore;
  tokens: TokenIssuer;
  /** Signs development SSO tokens, checks OBO assertions, published as the JWKS. */
  signingKey: SigningKey;
  faults: FaultStore;
  /** The emulated Bot Framework token service's user tokens. */
  userTokens: UserTokenStore;
  settings: EmulatorSettings;
  /** http://127.0.0.1:PORT */
  url(): string;
}

export type RouteHandler = (req: ApiRequest, ctx: RouteContext) => ApiResponse | Promise<ApiResponse>;

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  /**
   * `bearer`: the MMD API (token required, tenant checked); `bot`: the Bot Framework token service
   * (a token issued to the bot's app id, when the emulator knows the bot); `none`: identity and admin routes.
   */
  auth: 'bearer' | 'bot' | 'none';
  handler: RouteHandler;
}

/** `${url}/support/odata/v1/` — the @odata.context base of the emulated service. */
export function serviceRoot(ctx: RouteContext): string {
  return `${ctx.url()}/support/odata/v1/`;
}

export function ok(body: unknown, status = 200): ApiResponse {
  return { status, body };
}

export const noContent: ApiResponse = { status: 204 };
