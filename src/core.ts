import type { AppConfig } from './config/config';
import type { RunningEmulator } from './emulator/types';
import { createLogger, type Logger } from './log/logger';
import { createMmdClient } from './mmd/create-client';
import { createMsalCredentials, msalSettings } from './http/token-provider';
import { setAnswerLimitBytes } from './http/answer-limit';
import { createOnBehalfOf } from './http/on-behalf-of';
import type { UserContext } from './bot/deps';
import type { CardUpdater } from './bot/card-updater';
import { createGraphClient, GRAPH_SCOPE } from './graph/graph-client';
import { createGraphSecurityClient, type GraphSecurityClient } from './graph/graph-security-client';
import { createSecurityServices, type SecurityServices } from './bot/security/security-services';
import type { MmdClient } from './mmd/mmd-client';
import { createBot, type Bot } from './bot/bot';
import { routes } from './bot/routes';
import { createNotifier, type NotifierParts } from './notify/create-notifier';
import type { Sender } from './notify/sender';
import { ticketDetailCard } from './cards/ticket-detail-card';
import { SubscriptionStore } from './notify/subscription-store';
import { createStorage } from './storage/create-storage';
import type { Storage } from './storage/storage';
import { storageEpoch } from './state/storage-epoch';
import { createClaimSweeper } from './state/claim-sweeper';
import { VERSION } from './version';
import { HealthState, shortReason } from './health/health-state';
import { checkCredentials } from './health/credential-check';
import { watchedToken } from './health/watched-token';
import { startStorageProbe } from './health/storage-probe';

export interface CoreOverrides {
  logger?: Logger;
  storage?: Storage;
  now?: () => Date;
}

/** What the chat platform gives the core: proactive card updates and notification sends. */
export interface Edge {
  cards: CardUpdater;
  sender: Sender;
}

/**
 * Everything but the Teams edge and the web server: the bot (handlers behind the Turn port),
 * its API clients, storage, the notifier and the background work. Tests drive `bot` directly.
 */
export interface Core<E extends Edge = Edge> {
  config: AppConfig;
  /** What `edge` built (the app's holds its adapter too). */
  edge: E;
  logger: Logger;
  emulator?: RunningEmulator;
  mmdBaseUrl: string;
  tokenEndpoint?: string;
  storage: Storage;
  now: () => Date;
  mmd: MmdClient;
  /** Graph security incidents and troubleshooting events, as the bot reads them. */
  graph: GraphSecurityClient;
  /** What /healthz reports about storage, the MMD and Graph tokens and the notifier's lease. */
  health: HealthState;
  /** The ticket notifier: its stores and the running loop (`notifier.runOnce()` in tests). */
  notify: NotifierParts;
  security: SecurityServices;
  bot: Bot;
  /** Redactions due, claim sweeping and the storage probe (after the server listens). */
  startBackground(): void;
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
 * The composition root of everything behind the Turn port: storage, the MMD client (against
 * the built-in emulator in sandbox mode), Graph, security, the notifier and the bot. `makeEdge` is
 * asked once the emulator (if any) runs: its URL is the sandbox's OAuth token service.
 */
export async function createCore<E extends Edge>(
  config: AppConfig,
  overrides: CoreOverrides,
  makeEdge: (emulatorUrl?: string) => E,
): Promise<Core<E>> {
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

  const edge = makeEdge(emulator?.url);
  const { cards, sender } = edge;
  const userContext = config.tab.mmdAuth === 'user' ? createUserContext(config, { mmdBaseUrl, tokenEndpoint, logger }) : undefined;
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
  const security = createSecurityServices({ config, storage, logger, now, cards, graph });
  // Older subscribe records (raw reference inside) move to the notifier's layout before it polls.
  const moved = await new SubscriptionStore(storage).migrateLegacy();
  if (moved > 0) logger.info({ moved }, 'notify: older subscriptions moved to the current layout');
  const notify = await createNotifier({
    config,
    storage,
    mmd,
    sender,
    log: logger.child({ component: 'notify' }),
    onLeaseCheck: (problem) => {
      if (problem === null) health.recover('notifier-leader');
      else if (health.fail('notifier-leader', `the notifier's lease could not be checked: ${shortReason(problem)}`)) {
        logger.error(
          { dependency: 'notifier-leader' },
          'notify: the leader lease cannot be checked; no instance may be sending notifications',
        );
      }
    },
    // A ticket card the bot showed in that conversation, refreshed in place after a change.
    refreshCard: async (event, conversationKey) => {
      const ticket = await mmd.tickets.get(event.ticket.id);
      if (!ticket) return undefined;
      const [notes, subscribed] = await Promise.all([
        mmd.tickets.notes(ticket.id),
        notify.subscriptions.isSubscribed(ticket.id, conversationKey),
      ]);
      return ticketDetailCard({ ticket, notes, now: now(), subscribed });
    },
  });
  const bot = createBot(
    {
      config,
      mmd,
      graph: graphSecurity,
      storage,
      logger,
      now,
      security,
      notify: { subscriptions: notify.subscriptions, settings: notify.settings, messages: notify.messages },
      userContext,
      connection: () => connectionProblem(health),
    },
    routes,
  );
  await credentialCheck;

  // Done form claims and card records past their time go (heap growth with STORAGE=memory).
  const claims = createClaimSweeper({ storage, now, log: logger.child({ component: 'claims' }) });
  let storageProbe: { stop(): void } | undefined;
  let stopping: Promise<void> | undefined;
  return {
    config,
    edge,
    logger,
    emulator,
    mmdBaseUrl,
    tokenEndpoint,
    storage,
    now,
    mmd,
    graph: graphSecurity,
    health,
    notify,
    security,
    bot,
    startBackground() {
      // Revealed passwords left on screen by a stopped instance are hidden now; new ones when due.
      security.redactions.start();
      claims.start();
      storageProbe = startStorageProbe({ read: () => storage.get('health/probe'), health, logger });
    },
    stop: () =>
      (stopping ??= (async () => {
        storageProbe?.stop();
        await notify.notifier.stop();
        await security.redactions.stop();
        await claims.stop();
        await storage.close();
        await emulator?.close();
        await telemetry?.shutdown();
      })()),
  };
}

/** The welcome card's line when the bot cannot reach the tenant with its credentials. */
function connectionProblem(health: HealthState): string | undefined {
  if (!health.failed('mmd-token') && !health.failed('graph-token')) return undefined;
  return "MMD Assist cannot reach the MMD service with its credentials right now; tell the bot's administrator.";
}
