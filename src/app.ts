import {
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { AppConfig } from './config/config';
import type { RunningEmulator } from './emulator/types';
import { createLogger, type Logger } from './log/logger';
import { createMmdClient } from './mmd/create-client';
import { createMsalTokenProvider } from './mmd/token-provider';
import { createGraphClient, GRAPH_SCOPE } from './graph/graph-client';
import { createSecurityServices } from './bot/security/security-services';
import type { MmdClient } from './mmd/mmd-client';
import { MmdBot } from './bot/mmd-bot';
import { createOnTurnError } from './bot/on-turn-error';
import { routes } from './bot/routes';
import { createAdapterHandler } from './server/adapter-handler';
import { InboundAdapter } from './server/inbound-adapter';
import { createServer, type BotServer } from './server/server';
import { createStorage } from './storage/create-storage';
import type { Storage } from './storage/storage';
import { VERSION } from './version';

export interface AppOverrides {
  logger?: Logger;
  /** Outbound credentials for replies (tests use a fixed token). */
  credentialsFactory?: ServiceClientCredentialsFactory;
  storage?: Storage;
  now?: () => Date;
  /** Listen address instead of config.host (tests: 127.0.0.1). */
  host?: string;
}

export interface RunningApp {
  port: number;
  url: string;
  mode: AppConfig['mode'];
  emulator?: RunningEmulator;
  storage: Storage;
  mmd: MmdClient;
  logger: Logger;
  server: BotServer;
  stop(): Promise<void>;
}

/**
 * The composition root: storage, the MMD client (against the built-in emulator in sandbox
 * mode), the bot and its server. Nothing else builds dependencies.
 */
export async function startApp(config: AppConfig, overrides: AppOverrides = {}): Promise<RunningApp> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel });
  let emulator: RunningEmulator | undefined;
  let mmdBaseUrl = config.mmd.baseUrl;
  let tokenEndpoint = config.mmd.tokenEndpoint;
  let graphBaseUrl = config.mmd.graphBaseUrl;
  if (config.mode === 'sandbox') {
    // Loaded only in sandbox mode: the emulator is built on restify, whose spdy dependency prints
    // two DEP0111 warnings when loaded; a live deployment never loads it.
    const { startEmulator } = await import('./emulator/emulator');
    const started = await startEmulator({
      tenantId: config.mmd.tenantId,
      clientId: config.mmd.clientId,
      clientSecret: config.mmd.clientSecret,
    });
    emulator = started;
    mmdBaseUrl = started.mmdBaseUrl;
    tokenEndpoint = started.tokenEndpoint;
    graphBaseUrl = started.graphBaseUrl;
    logger.info({ emulator: started.url }, 'sandbox mode: the MMD API is the built-in emulator with sample data');
  }
  if (!mmdBaseUrl) throw new Error('MMD API base URL missing');

  const storage = overrides.storage ?? (await createStorage(config.storage, logger));
  const tokenProvider = createMsalTokenProvider({
    tenantId: config.mmd.tenantId,
    clientId: config.mmd.clientId,
    clientSecret: config.mmd.clientSecret,
    scope: config.mmd.scope,
    authorityHost: config.mmd.authorityHost,
    tokenEndpoint,
    timeoutMs: config.mmd.timeoutMs,
    logger,
  });
  const mmd = createMmdClient({
    baseUrl: mmdBaseUrl,
    tenantId: config.mmd.tenantId,
    tokenProvider,
    timeoutMs: config.mmd.timeoutMs,
    logger,
  });

  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: config.bot.appId,
      MicrosoftAppTenantId: config.bot.appTenantId || undefined,
      ...(config.bot.openIdMetadataUrl ? { ToBotFromChannelOpenIdMetadataUrl: config.bot.openIdMetadataUrl } : {}),
      ...(config.bot.tokenIssuer ? { ToBotFromChannelTokenIssuer: config.bot.tokenIssuer } : {}),
    },
    overrides.credentialsFactory ??
      new ConfigurationServiceClientCredentialFactory({
        MicrosoftAppId: config.bot.appId,
        MicrosoftAppPassword: config.bot.appPassword,
        MicrosoftAppType: config.bot.appType,
        MicrosoftAppTenantId: config.bot.appTenantId || undefined,
      }),
  );
  const adapter = new InboundAdapter(auth);
  adapter.onTurnError = createOnTurnError(logger);

  const now = overrides.now ?? (() => new Date());
  // Graph only answers the admin group check; without a group it is never called.
  const graph = config.elevation.adminGroupId
    ? createGraphClient({
        baseUrl: graphBaseUrl,
        tokenProvider: createMsalTokenProvider({
          tenantId: config.mmd.tenantId,
          clientId: config.mmd.clientId,
          clientSecret: config.mmd.clientSecret,
          scope: GRAPH_SCOPE,
          authorityHost: config.mmd.authorityHost,
          tokenEndpoint,
          timeoutMs: config.mmd.timeoutMs,
          logger,
        }),
        timeoutMs: config.mmd.timeoutMs,
        logger,
      })
    : undefined;
  const security = createSecurityServices({ config, storage, logger, now, adapter, graph });
  const bot = new MmdBot({ config, mmd, storage, logger, now, security }, routes);
  const server = createServer({
    onActivity: createAdapterHandler({ adapter, logic: (context) => bot.run(context), logger }),
    logger,
    health: () => ({ version: VERSION, mode: config.mode }),
  });
  if (config.mode === 'live' && !config.bot.appId) {
    logger.warn('inbound auth is OFF (ALLOW_UNAUTHENTICATED=true, no MicrosoftAppId): anyone who can reach this port can use the bot against the real tenant');
  }
  const port = await server.listen(config.port, overrides.host ?? config.host);
  logger.info({ port, mode: config.mode, version: VERSION }, `MMD Assist listening on port ${port}${config.mode === 'sandbox' ? ' (sandbox mode)' : ''}`);
  // Revealed passwords left on screen by a stopped instance are hidden now; new ones when due.
  security.redactions.start();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await server.close();
      await security.redactions.stop();
      await storage.close();
      await emulator?.close();
      logger.info('stopped');
    })());

  return { port, url: `http://127.0.0.1:${port}`, mode: config.mode, emulator, storage, mmd, logger, server, stop };
}
