import type { AppConfig } from '../config/config';
import type { GraphSecurityClient } from '../graph/graph-security-client';
import type { Logger } from '../log/logger';
import type { MmdClient } from '../mmd/mmd-client';
import type { Storage } from '../storage/storage';
import type { NotifyServices } from './notify-services';
import type { SecurityServices } from './security/security-services';
import type { OnBehalfOf } from '../http/on-behalf-of';
import type { TokenProvider } from '../http/token-provider';

/** What every handler may use. Built once in src/app.ts. */
export interface BotDeps {
  config: AppConfig;
  mmd: MmdClient;
  /** Microsoft Graph: security incidents and Intune troubleshooting events. */
  graph: GraphSecurityClient;
  storage: Storage;
  logger: Logger;
  /** The clock (tests pin it). */
  now: () => Date;
  /** Admin check and password redaction for elevation details and the audit log. */
  security: SecurityServices;
  /** Subscriptions, per-conversation notify settings and shown cards (src/notify). */
  notify: NotifyServices;
  /** MMD_AUTH=user: MMD calls made for the turn's signed-in user (src/bot/sign-in). Absent: app context. */
  userContext?: UserContext;
  /** Live mode: the connection problem users should know of (src/health), undefined when it works. */
  connection?: () => string | undefined;
}

/** What signed-in (user-mode) turns need; defined here, not in sign-in/user-context.ts, so the two do not import each other. */
export interface UserContext {
  obo: OnBehalfOf;
  /** The MMD client over a user's token provider (createMmdClient with the app's settings). */
  mmdClient(tokenProvider: TokenProvider): MmdClient;
  /** The tenant's admin consent page for the app registration. */
  consentUrl: string;
}
