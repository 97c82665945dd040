import type { Logger } from '../log/logger';
import { createSend, realSleep } from '../http/send';
import type { Sleep } from '../http/request';
import type { TokenProvider } from '../http/token-provider';
import { MMD_PROFILE } from './mmd-api-error';
import type { MmdClient } from './mmd-client';
import { devicesResource } from './resources/devices';
import { elevationsResource } from './resources/elevations';
import type { ResourceContext } from './resources/resource-context';
import { ticketsResource } from './resources/tickets';
import { usersResource } from './resources/users';

export interface MmdClientOptions {
  /** MMD root ending in '/', e.g. https://mmdls.microsoft.com/support/odata/v1/ */
  baseUrl: string;
  tenantId: string;
  tokenProvider: TokenProvider;
  /** Per attempt (default 10000). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  logger?: Logger;
  /** Back-off waits (tests record them instead of sleeping). */
  sleep?: Sleep;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

/** The MMD API client: resources over the shared layered `send` (src/http) with MMD's options. */
export function createMmdClient(options: MmdClientOptions): MmdClient {
  if (!options.baseUrl.endsWith('/')) throw new TypeError('MMD baseUrl must end with "/"');
  if (!options.tenantId.trim()) throw new TypeError('MMD tenantId is required');
  const send = createSend({
    baseUrl: options.baseUrl,
    profile: MMD_PROFILE,
    tokenProvider: options.tokenProvider,
    timeoutMs: options.timeoutMs ?? 10_000,
    retry: { maxRetries: options.maxRetries ?? 3, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 },
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    logger: options.logger,
  });
  const context: ResourceContext = { send, tenantPath: `tenants/${encodeURIComponent(options.tenantId)}/`, logger: options.logger };
  return {
    devices: devicesResource(context),
    users: usersResource(context),
    tickets: ticketsResource(context),
    elevations: elevationsResource(context),
  };
}
