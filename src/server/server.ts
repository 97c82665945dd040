import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import restify from 'restify';
import type { Logger } from '../log/logger';
import { InFlight } from './in-flight';

export interface ServerOptions {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  /** What /healthz reports once ready. */
  health: () => Record<string, unknown>;
  maxBodyBytes?: number;
}

export interface BotServer {
  server: restify.Server;
  inFlight: InFlight;
  listen(port: number, host?: string): Promise<number>;
  /** Stop accepting, wait for in-flight requests (up to `graceMs`), close the listener. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Thin transport: parse, apply limits, hand the request to the adapter. No bot logic here;
 * inbound JWT validation is botbuilder's (ConfigurationBotFrameworkAuthentication).
 */
export function createServer(options: ServerOptions): BotServer {
  const { adapter, bot, logger } = options;
  const server = restify.createServer({ name: 'mmd-assist', handleUncaughtExceptions: false });
  const inFlight = new InFlight();
  let ready = false;

  server.pre((_req, res, next) => {
    inFlight.enter();
    res.once('close', () => inFlight.leave());
    return next();
  });

  server.get('/healthz', (_req, res, next) => {
    if (!ready) {
      res.send(503, { status: 'starting' });
    } else {
      res.send(200, { status: 'ok', ...options.health() });
    }
    return next();
  });

  const bodyParser = restify.plugins.bodyParser({
    maxBodySize: options.maxBodyBytes ?? 256 * 1024,
    mapParams: false,
    mapFiles: false,
  });

  server.post('/api/messages', bodyParser, async (req, res) => {
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      res.send(400, { error: 'The request body must be a JSON activity.' });
      return;
    }
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (err) {
      logger.error({ err: { message: (err as Error)?.message, name: (err as Error)?.name } }, 'adapter.process failed');
      if (!res.headersSent) res.send(500, { error: 'Internal error' });
    }
  });

  server.on('restifyError', (req, _res, err: Error & { statusCode?: number }, callback: () => void) => {
    // Body too large, malformed JSON, unknown route: logged at debug, answered by restify.
    logger.debug({ status: err.statusCode, name: err.name, path: req.path() }, 'request rejected');
    return callback();
  });

  return {
    server,
    inFlight,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          ready = true;
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    async close(graceMs = 10_000) {
      ready = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      await inFlight.drained(graceMs);
      server.server.closeAllConnections();
      await closed;
    },
  };
}
