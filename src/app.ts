import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { AppConfig } from './config/config';
import type { RunningEmulator } from './emulator/types';
import { createLogger, type Logger } from './log/logger';
import type { GraphSecurityClient } from './graph/graph-security-client';
import type { MmdClient } from './mmd/mmd-client';
import { createCore } from './core';
import { createAdapter, PUBLIC_CLOUD_INBOUND, type InboundAuthSettings } from './teams/adapter';
import { createCardUpdater } from './teams/card-updater';
import { TeamsBot } from './teams/teams-bot';
import { DEFAULT_DEADLINES, type TurnDeadlines } from './teams/teams-turn';
import { createAdapterHandler } from './teams/adapter-handler';
import { createTeamsSender } from './teams/teams-sender';
import type { NotifierParts } from './notify/create-notifier';
import { createServer, type BotServer } from './server/server';
import { isTabPath, mountTab, tabMethodRefusal } from './tab/tab-routes';
import { tabRouteDeps } from './tab/tab-setup';
import type { Storage } from './storage/storage';
import { VERSION } from './version';
import { telemetry as turnTelemetry } from './telemetry/telemetry';
import type { HealthState } from './health/health-state';
import { mountStaticPages } from './health/static-pages';

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

/**
 * The composition root: the core (src/core.ts) with Teams in front of it, the bot adapter and
 * the one web server (/api/messages, the pages, the tab). Nothing else builds dependencies.
 */
export async function startApp(config: AppConfig, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel });
  const userMode = config.tab.mmdAuth === 'user';
  const core = await createCore(config, { ...overrides, logger }, (emulatorUrl) => {
    // MMD_AUTH=user: the Bot Framework token service of the OAuth connection; in sandbox mode the emulator's.
    const oauthUrl = userMode ? (config.bot.oauthUrl ?? emulatorUrl) : undefined;
    const adapter = createAdapter({ ...config.bot, oauthUrl }, logger, overrides.credentialsFactory, overrides.inboundAuth);
    return { adapter, cards: createCardUpdater(adapter, config.bot.appId), sender: createTeamsSender(adapter, config.bot.appId) };
  });
  const { adapter } = core.edge;
  const { health, mmd, storage, now, emulator } = core;
  const bot = new TeamsBot(
    core.bot,
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
        tabRouteDeps({
          config,
          mmd,
          mmdBaseUrl: core.mmdBaseUrl,
          tokenEndpoint: core.tokenEndpoint,
          emulatorUrl: emulator?.url,
          logger,
          storage,
          now,
          roles: core.security.roles,
        }),
      );
    },
    refuseMethod: (req, res, allowed) => isTabPath(req.getPath()) && (tabMethodRefusal(res, allowed), true),
  });
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
  core.startBackground();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await server.close();
      // Requests are done; card actions answered with "working on it" may still be finishing,
      // each within its turn's message deadline.
      if (!(await bot.settle((overrides.deadlines ?? DEFAULT_DEADLINES).messageMs)))
        logger.warn('stopped with a late card-action result still on its way');
      await core.stop();
      logger.info('stopped');
    })());

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    mode: config.mode,
    emulator,
    storage,
    mmd,
    graph: core.graph,
    logger,
    server,
    health,
    notify: core.notify,
    stop,
  };
}

/** What a turn span is called: the activity type, and an invoke's name (never text). */
function turnKind(activity: { type?: string; name?: string }): string {
  const type = (activity.type ?? 'unknown').slice(0, 40);
  return type === 'invoke' && activity.name ? `${type} ${activity.name.slice(0, 60)}` : type;
}
