import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { AppConfig } from './config/config';
import type { RunningEmulator } from './emulator/types';
import { createLogger, type Logger } from './log/logger';
import { createMmdClient } from './mmd/create-client';
import { createMsalCredentials, msalSettings } from './http/token-provider';
import { setAnswerLimitBytes } from './http/answer-limit';
import { createOnBehalfOf } from './http/on-behalf-of';
import type { UserContext } from './bot/deps';
import { createGraphClient, GRAPH_SCOPE } from './graph/graph-client';
import { createGraphSecurityClient, type GraphSecurityClient } from './graph/graph-security-client';
import { createSecurityServices } from './bot/security/security-services';
import type { MmdClient } from './mmd/mmd-client';
import { createBot } from './bot/bot';
import { routes } from './bot/routes';
import { createAdapter, PUBLIC_CLOUD_INBOUND, type InboundAuthSettings } from './teams/adapter';
import { createCardUpdater } from './teams/card-updater';
import { TeamsBot } from './teams/teams-bot';
import { DEFAULT_DEADLINES, type TurnDeadlines } from './teams/teams-turn';
import { createAdapterHandler } from './teams/adapter-handler';
import { createTeamsSender } from './teams/teams-sender';
import { createNotifier, type NotifierParts } from './notify/create-notifier';
import { ticketDetailCard } from './cards/ticket-detail-card';
import { SubscriptionStore } from './notify/subscription-store';
import { createServer, type BotServer } from './server/server';
import { createStorage } from './storage/create-storage';
import { isTabPath, mountTab, tabMethodRefusal } from './tab/tab-routes';
import { tabRouteDeps } from './tab/tab-setup';
import type { Storage } from './storage/storage';
import { storageEpoch } from './state/storage-epoch';
import { createClaimSweeper } from './state/claim-sweeper';
import { VERSION } from './version';
import { telemetry as turnTelemetry } from './telemetry/telemetry';
import { HealthState, shortReason } from './health/health-state';
import { checkCredentials } from './health/credential-check';
import { watchedToken } from './health/watched-token';
import { mountStaticPages } from './health/static-pages';
import { startStorageProbe } from './health/storage-probe';

export interface AppOverrides {
  logger?: Logger;
  /** Outbound credentials for replies (tests use a fixed token). */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** Where inbound channel tokens are checked (tests: a local JWKS); Microsoft's otherwise. */
  inboundAuth?: InboundAuthSettings;
  storage?: Storage;
  now?: () => Date;
  /** Listen address instead of config.host (tests: 127.0.0.1). */
  host?: string;
  /** The client is the Agents Playground (`npm run dev`): its 1:1 chat carries no conversation type. */
  playground?: boolean;
  /** Turn deadlines instead of Teams' (tests: a shorter invoke deadline, so "working on it" comes in a second). */
  deadlines?: TurnDeadlines;
}

export interface RunningApp {
  port: number;
  url: string;
  mode: AppConfig['mode'];
  emulator?: RunningEmulator;
  storage: Storage;
  mmd: MmdClient;
  /** Graph security incidents and troubleshooting events, as the bot reads them. */
  graph: GraphSecurityClient;
  logger: Logger;
  server: BotServer;
  /** What /healthz reports about storage, the MMD and Graph tokens and the notifier's lease. */
  health: HealthState;
  /** The ticket notifier: its stores and the running loop (`notifier.runOnce()` in tests). */
  notify: NotifierParts;
  stop(): Promise<void>;
}

/** MMD_AUTH=user in the bot: on-behalf-of tokens for the MMD scope, and the MMD client over them. */
function createUserContext(config: AppConfig, parts: { mmdBaseUrl: string; tokenEndpoint?: string; logger: Logger }): UserContext {
  const { mmd } = config;
  const obo = createOnBehalfOf({ ...msalSettings(mmd, parts), scope: mmd.scope });
  return {
    obo,
    mmdClient: (tokenProvider) =>
      createMmdClient({ baseUrl: parts.mmdBaseUrl, tenantId: mmd.tenantId, tokenProvider, timeoutMs: mmd.timeoutMs, logger: parts.logger }),
    consentUrl: `${mmd.authorityHost}/${encodeURIComponent(mmd.tenantId)}/adminconsent?client_id=${encodeURIComponent(mmd.clientId)}`,
  };
}

/**
 * The composition root: storage, the MMD client (against the built-in emulator in sandbox
 * mode), the bot and its server. Nothing else builds dependencies.
 */
export async function startApp(config: AppConfig, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel });
  setAnswerLimitBytes(config.mmd.maxAnswerBytes);
  // Loaded only with a connection string: telemetry off imports nothing of OpenTelemetry.
  const telemetry = config.telemetryConnectionString
    ? await (
        await import('./telemetry/start-telemetry')
      ).startTelemetry({ connectionString: config.telemetryConnectionString, serviceVersion: VERSION, logger })
    : undefined;
  let emulator: RunningEmulator | undefined;
  let mmdBaseUrl = config.mmd.baseUrl;
  let tokenEndpoint = config.mmd.tokenEndpoint;
  let graphBaseUrl = config.mmd.graphBaseUrl;
  if (config.mode === 'sandbox') {
    // Loaded only in sandbox mode: a live deployment never loads the emulator or its sample data.
    const { startEmulator } = await import('./emulator/emulator');
    const started = await startEmulator({
      tenantId: config.mmd.tenantId,
      clientId: config.mmd.clientId,
      clientSecret: config.mmd.clientSecret,
      // The sample data is dated relative to the bot's clock (tests inject it).
      now: overrides.now,
    });
    emulator = started;
    mmdBaseUrl = started.mmdBaseUrl;
    tokenEndpoint = started.tokenEndpoint;
    graphBaseUrl = started.graphBaseUrl;
    logger.info({ emulator: started.url }, 'sandbox mode: the MMD API is the built-in emulator with sample data');
  }
  if (!mmdBaseUrl) throw new Error('MMD API base URL missing');

  const storage = overrides.storage ?? (await createStorage(config.storage, logger));
  const now = overrides.now ?? (() => new Date());
  // When this storage began: forms issued before it ask the service before they create (form-claim.ts).
  const epoch = await storageEpoch(storage, now);
  logger.debug({ epoch: epoch.toISOString() }, 'storage epoch');
  // One MSAL client for the app registration; one token provider per scope (MMD, Graph).
  const credentials = createMsalCredentials(msalSettings(config.mmd, { tokenEndpoint, logger }));
  const health = new HealthState(now);
  // Live mode: one token per API now, so a wrong secret shows in /healthz and the log at start.
  const credentialCheck =
    config.mode === 'live'
      ? checkCredentials({
          checks: [
            {
              dependency: 'mmd-token',
              name: 'the MMD API',
              getToken: (signal) => credentials.forScope(config.mmd.scope).getToken({ signal }),
            },
            {
              dependency: 'graph-token',
              name: 'Microsoft Graph',
              getToken: (signal) => credentials.forScope(GRAPH_SCOPE).getToken({ signal }),
            },
          ],
          health,
          logger,
          timeoutMs: config.mmd.timeoutMs,
        })
      : Promise.resolve();
  const mmd = createMmdClient({
    baseUrl: mmdBaseUrl,
    tenantId: config.mmd.tenantId,
    tokenProvider: watchedToken(credentials.forScope(config.mmd.scope), 'mmd-token', health, logger),
    timeoutMs: config.mmd.timeoutMs,
    logger,
  });

  const userMode = config.tab.mmdAuth === 'user';
  // MMD_AUTH=user: the Bot Framework token service of the OAuth connection; in sandbox mode the emulator's.
  const oauthUrl = userMode ? (config.bot.oauthUrl ?? emulator?.url) : undefined;
  const adapter = createAdapter({ ...config.bot, oauthUrl }, logger, overrides.credentialsFactory, overrides.inboundAuth);
  const userContext = userMode ? createUserContext(config, { mmdBaseUrl, tokenEndpoint, logger }) : undefined;

  const graphOptions = {
    baseUrl: graphBaseUrl,
    tokenProvider: watchedToken(credentials.forScope(GRAPH_SCOPE), 'graph-token', health, logger),
    timeoutMs: config.mmd.timeoutMs,
    logger,
  };
  // Graph answers the admin and operator group checks only when a group is configured.
  const graph = config.elevation.adminGroupId || config.roles.operatorGroupId ? createGraphClient(graphOptions) : undefined;
  // Security incidents and enrollment failures, in every mode (the emulator serves them in sandbox).
  const graphSecurity = createGraphSecurityClient(graphOptions);
  const security = createSecurityServices({ config, storage, logger, now, cards: createCardUpdater(adapter, config.bot.appId), graph });
  // Older subscribe records (raw reference inside) move to the notifier's layout before it polls.
  const moved = await new SubscriptionStore(storage).migrateLegacy();
  if (moved > 0) logger.info({ moved }, 'notify: older subscriptions moved to the current layout');
  const notify = createNotifier({
    config,
    storage,
    mmd,
    sender: createTeamsSender(adapter, config.bot.appId),
    log: logger.child({ component: 'notify' }),
    // A ticket card the bot showed in that conversation, refreshed in place after a change.
    onLeaseCheck: (problem) => {
      if (problem === null) health.recover('notifier-leader');
      else if (health.fail('notifier-leader', `the notifier's lease could not be checked: ${shortReason(problem)}`)) {
        logger.error(
          { dependency: 'notifier-leader' },
          'notify: the leader lease cannot be checked; no instance may be sending notifications',
        );
      }
    },
    refreshCard: async (event, conversationKey) => {
      const ticket = await mmd.tickets.get(event.ticket.id);
      if (!ticket) return undefined;
      const [notes, subscribed] = await Promise.all([
        mmd.tickets.notes(ticket.id),
        notifyStores.subscriptions.isSubscribed(ticket.id, conversationKey),
      ]);
      return ticketDetailCard({ ticket, notes, now: now(), subscribed });
    },
  });
  const notifyStores = { subscriptions: notify.subscriptions, settings: notify.settings, messages: notify.messages };
  const bot = new TeamsBot(
    createBot(
      {
        config,
        mmd,
        graph: graphSecurity,
        storage,
        logger,
        now,
        security,
        notify: notifyStores,
        userContext,
        connection: () => connectionProblem(health),
      },
      routes,
    ),
    {
      logger,
      botAppId: config.bot.appId,
      deadlines: overrides.deadlines ?? DEFAULT_DEADLINES,
      // The Agents Playground's 1:1 chat has no conversation type; Teams always sends one.
      unmarkedIsPersonal: config.mode === 'sandbox' || overrides.playground === true,
      allowedTenantIds: config.allowedTenantIds,
      oauthConnectionName: userMode ? config.bot.oauthConnectionName : undefined,
    },
    // The Playground refuses search results that ask for their full card (selectItem).
    { selectTap: overrides.playground !== true },
  );
  const server = createServer({
    onActivity: createAdapterHandler({
      adapter,
      channelIssuer: config.bot.appId ? (overrides.inboundAuth ?? PUBLIC_CLOUD_INBOUND).tokenIssuer : undefined,
      logic: (context) => turnTelemetry().turn(turnKind(context.activity), () => bot.run(context)),
      logger,
    }),
    logger,
    health: () => ({ version: VERSION, mode: config.mode, ...health.report() }),
    // The privacy and terms pages (pages/), then the personal tab (static page + /api/tab), on the same server.
    mount: (app) => {
      mountStaticPages(app);
      mountTab(
        app,
        tabRouteDeps({ config, mmd, mmdBaseUrl, tokenEndpoint, emulatorUrl: emulator?.url, logger, storage, now, roles: security.roles }),
      );
    },
    refuseMethod: (req, res, allowed) => isTabPath(req.getPath()) && (tabMethodRefusal(res, allowed), true),
  });
  await credentialCheck;
  if (config.mode === 'live' && !config.bot.appId) {
    logger.warn(
      'inbound auth is OFF (ALLOW_UNAUTHENTICATED=true, no MicrosoftAppId): anyone who can reach this port can use the bot against the real tenant',
    );
  }
  const port = await server.listen(config.port, overrides.host ?? config.host);
  logger.info(
    { port, mode: config.mode, version: VERSION },
    `MMD Assist listening on port ${port}${config.mode === 'sandbox' ? ' (sandbox mode)' : ''}`,
  );
  // Revealed passwords left on screen by a stopped instance are hidden now; new ones when due.
  security.redactions.start();
  // Done form claims and card records past their time go (heap growth with STORAGE=memory).
  const claims = createClaimSweeper({ storage, now, log: logger.child({ component: 'claims' }) });
  claims.start();
  const storageProbe = startStorageProbe({ read: () => storage.get('health/probe'), health, logger });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      storageProbe.stop();
      await server.close();
      await notify.notifier.stop();
      await security.redactions.stop();
      await claims.stop();
      await storage.close();
      await emulator?.close();
      await telemetry?.shutdown();
      logger.info('stopped');
    })());

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    mode: config.mode,
    emulator,
    storage,
    mmd,
    graph: graphSecurity,
    logger,
    server,
    health,
    notify,
    stop,
  };
}

/** What a turn span is called: the activity type, and an invoke's name (never text). */
function turnKind(activity: { type?: string; name?: string }): string {
  const type = (activity.type ?? 'unknown').slice(0, 40);
  return type === 'invoke' && activity.name ? `${type} ${activity.name.slice(0, 60)}` : type;
}

/** The welcome card's line when the bot cannot reach the tenant with its credentials. */
function connectionProblem(health: HealthState): string | undefined {
  if (!health.failed('mmd-token') && !health.failed('graph-token')) return undefined;
  return "MMD Assist cannot reach the MMD service with its credentials right now; tell the bot's administrator.";
}
