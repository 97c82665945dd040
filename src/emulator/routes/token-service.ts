/**
 * The emulated Bot Framework token service (https://api.botframework.com/api/usertoken/... and
 * /api/botsignin/...), the part of an Azure Bot's OAuth connection the bot calls: botbuilder's own
 * UserTokenClient talks to these routes in sandbox mode and tests (OAuthUrl = the emulator).
 *
 * - GetSignInResource: the sign-in link and the tokenExchangeResource (the app id URI Teams asks
 *   an SSO token for: the emulator's `ssoResource`).
 * - exchange: a Teams SSO token signed by this emulator, for the app id URI, in this tenant, is
 *   exchanged for the user's token of the connection (a token for this app, which the bot then
 *   exchanges on behalf of the user for an MMD token at the token endpoint).
 * - GetToken: the stored token, or 404; `code` redeems a magic code of the sign-in page.
 * - SignOut: forgets the user's tokens.
 * Started with `botAppId`, every route wants a bearer token issued to that app (401 otherwise),
 * as the real service; the sandbox bot has no app id, so there the routes answer anyone on loopback.
 */
import { errors } from 'jose';
import { z } from 'zod';
import type { ApiResponse, RouteContext, RouteHandler } from '../http';
import { validate } from '../validation';

function errorResponse(status: number, code: string, message: string): ApiResponse {
  return { status, body: { error: { code, message } } };
}

function required(query: URLSearchParams, name: string): string | ApiResponse {
  const value = query.get(name)?.trim();
  return value ? value : errorResponse(400, 'BadArgument', `The ${name} parameter is required.`);
}

function tokenResponse(connectionName: string, channelId: string, held: { token: string; expiration: string }): ApiResponse {
  return { status: 200, body: { channelId, connectionName, token: held.token, expiration: held.expiration } };
}

/** The three identifying query parameters, or the 400 naming the missing one. */
function who(query: URLSearchParams): { userId: string; connectionName: string; channelId: string } | ApiResponse {
  const userId = required(query, 'userId');
  if (typeof userId !== 'string') return userId;
  const connectionName = required(query, 'connectionName');
  if (typeof connectionName !== 'string') return connectionName;
  return { userId, connectionName, channelId: query.get('channelId')?.trim() || 'msteams' };
}

export const getUserToken: RouteHandler = (req, ctx) => {
  const id = who(req.query);
  if ('status' in id) return id;
  const code = req.query.get('code')?.trim();
  if (code) ctx.userTokens.redeemCode(id.userId, id.connectionName, id.channelId, code);
  const held = ctx.userTokens.get(id.userId, id.connectionName, id.channelId);
  // The service answers 404 with an empty body when it holds no token: the bot must sign the user in.
  return held ? tokenResponse(id.connectionName, id.channelId, held) : { status: 404 };
};

const exchangeSchema = z.object({ token: z.string().min(1).max(20_000).optional(), uri: z.string().max(500).optional() });

/** A user's token of the connection: for this app, naming the same user, an hour long. */
async function connectionToken(ctx: RouteContext, claims: Record<string, unknown>): Promise<{ token: string; expiration: string }> {
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const token = await ctx.signingKey.sign({
    audience: ctx.settings.clientId,
    tenantId: ctx.settings.tenantId,
    oid: str(claims.oid),
    name: str(claims.name),
    upn: str(claims.preferred_username) || str(claims.upn),
  });
  return { token, expiration: new Date(Date.now() + 3_600_000).toISOString() };
}

export const exchangeToken: RouteHandler = async (req, ctx) => {
  const id = who(req.query);
  if ('status' in id) return id;
  const body = validate(exchangeSchema, req.body ?? {}, 'token exchange request');
  const refuse = (message: string): ApiResponse => {
    ctx.userTokens.recordExchange(id.userId, id.connectionName, false);
    // What the service answers when it cannot exchange: the bot answers Teams 412 and Teams shows the sign-in card.
    return errorResponse(400, 'TokenExchangeFailed', message);
  };
  if (!body.token) return refuse('Only an SSO token can be exchanged here.');
  let claims: Record<string, unknown>;
  try {
    claims = await ctx.signingKey.verify(body.token);
  } catch (error) {
    return refuse(error instanceof errors.JWTExpired ? 'The SSO token has expired.' : 'The SSO token is not valid.');
  }
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(ctx.settings.ssoResource)) return refuse("The SSO token was not issued for the connection's token exchange URL.");
  if (typeof claims.tid !== 'string' || claims.tid.toLowerCase() !== ctx.settings.tenantId.toLowerCase())
    return refuse('The SSO token is from another tenant.');
  const held = await connectionToken(ctx, claims);
  ctx.userTokens.set(id.userId, id.connectionName, id.channelId, held);
  ctx.userTokens.recordExchange(id.userId, id.connectionName, true);
  return tokenResponse(id.connectionName, id.channelId, held);
};

export const signOutUser: RouteHandler = (req, ctx) => {
  const userId = required(req.query, 'userId');
  if (typeof userId !== 'string') return userId;
  ctx.userTokens.delete(userId, req.query.get('connectionName')?.trim() || undefined, req.query.get('channelId')?.trim() || 'msteams');
  return { status: 200, body: {} };
};

/** `state` is base64 JSON of botbuilder's TokenExchangeState: it names the connection. */
export const getSignInResource: RouteHandler = (req, ctx) => {
  const state = required(req.query, 'state');
  if (typeof state !== 'string') return state;
  let connectionName: unknown;
  try {
    connectionName = (JSON.parse(Buffer.from(state, 'base64').toString('utf8')) as { ConnectionName?: unknown; connectionName?: unknown })
      .connectionName;
  } catch {
    return errorResponse(400, 'BadArgument', 'The state parameter is not valid.');
  }
  if (typeof connectionName !== 'string' || !connectionName) return errorResponse(400, 'BadArgument', 'The state names no connection.');
  return {
    status: 200,
    body: {
      signInLink: `${ctx.url()}/_emulator/signin?state=${encodeURIComponent(state)}`,
      tokenExchangeResource: { id: `emulator-${connectionName}`, uri: ctx.settings.ssoResource, providerId: 'emulator-aad-v2' },
    },
  };
};

const signInSchema = z.object({
  userId: z.string().min(1).max(200),
  connectionName: z.string().min(1).max(100),
  channelId: z.string().min(1).max(50).default('msteams'),
  upn: z.string().min(3).max(200),
  name: z.string().min(1).max(200),
});

/** Emulator only: what the sign-in page does for a user who signs in; answers the magic code. */
export const completeSignIn: RouteHandler = async (req, ctx) => {
  const input = validate(signInSchema, req.body, 'sign-in');
  const held = await connectionToken(ctx, { name: input.name, preferred_username: input.upn, oid: input.userId });
  return { status: 200, body: { code: ctx.userTokens.issueCode(input.userId, input.connectionName, input.channelId, held) } };
};

const consentSchema = z.object({ upn: z.string().min(3).max(200), required: z.boolean() });

/** Emulator only: the identity platform answers AADSTS65001 (consent_required) to this user's on-behalf-of requests. */
export const setConsentRequired: RouteHandler = (req, ctx) => {
  const input = validate(consentSchema, req.body, 'consent switch');
  if (input.required) ctx.userTokens.consentRequired.add(input.upn.toLowerCase());
  else ctx.userTokens.consentRequired.delete(input.upn.toLowerCase());
  return { status: 204 };
};

/** Emulator only: the exchanges the token service answered, for tests to count. */
export const listExchanges: RouteHandler = (_req, ctx) => ({ status: 200, body: { value: ctx.userTokens.exchangeLog() } });
