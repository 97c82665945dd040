/** Builds the tab's dependencies from configuration (called once from the composition root). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppConfig } from '../config/config';
import type { Logger } from '../log/logger';
import { createMmdClient } from '../mmd/create-client';
import type { MmdClient } from '../mmd/mmd-client';
import type { Storage } from '../storage/storage';
import { createOboTokens } from './obo-token-provider';
import { msalSettings } from '../http/token-provider';
import { tabAuditWriter } from './tab-audit';
import { createSsoVerifier } from './sso-token-verifier';
import { createTabPolicy } from './tab-policy';
import { createSharedView } from './shared-view';
import { FAILING_REFRESH_MS } from './tab-api';
import type { RoleCheck } from '../bot/security/role-check';
import type { TabRouteDeps } from './tab-routes';

export interface TabSetupInput {
  config: AppConfig;
  /** The app's MMD client (client credentials). */
  mmd: MmdClient;
  mmdBaseUrl: string;
  /** Token endpoint override (the emulator's in sandbox). */
  tokenEndpoint?: string;
  /** Sandbox: the emulator's root URL (its OpenID metadata and development tokens). */
  emulatorUrl?: string;
  logger: Logger;
  /** Durable storage: the tab's changes are audited there. */
  storage: Storage;
  /** The bot's role check: the tab's users are judged by it, as in chat. */
  roles: RoleCheck;
  now?: () => Date;
}

/** The folder holding package.json, from wherever this file runs (src/ under jest, dist/src/ built). */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export function tabRouteDeps(input: TabSetupInput): TabRouteDeps {
  const { config, logger } = input;
  const { tab, mmd } = config;
  const authority = input.emulatorUrl ?? config.mmd.authorityHost;
  const metadataUrl = tab.metadataUrl ?? `${authority}/${mmd.tenantId}/v2.0/.well-known/openid-configuration`;
  const verifier = tab.audiences.length ? createSsoVerifier({ metadataUrl, audiences: tab.audiences, tenantIds: tab.tenantIds }) : null;

  const obo =
    tab.mmdAuth === 'user'
      ? createOboTokens({ ...msalSettings(mmd, { tokenEndpoint: input.tokenEndpoint, logger }), scope: mmd.scope })
      : undefined;
  const mmdFor: TabRouteDeps['mmdFor'] = obo
    ? (user) =>
        createMmdClient({
          baseUrl: input.mmdBaseUrl,
          tenantId: mmd.tenantId,
          tokenProvider: obo.forUser(user.token),
          timeoutMs: mmd.timeoutMs,
          logger,
        })
    : () => input.mmd;

  const root = packageRoot();
  const emulatorUrl = input.emulatorUrl;
  return {
    verifier,
    mmdFor,
    attribute: tab.mmdAuth === 'app',
    audit: tabAuditWriter(input.storage, input.now ?? (() => new Date()), logger),
    failing: createSharedView(FAILING_REFRESH_MS, input.now),
    policy: createTabPolicy({ roles: input.roles, mode: config.mode, logger }),
    logger,
    staticDir: join(root, 'dist', 'tab'),
    // Never in live mode: there the emulator (the only signer of development tokens) is not running.
    dev:
      config.mode === 'sandbox' && emulatorUrl && tab.audiences[0]
        ? {
            staticDir: join(root, 'dist', 'tab-dev'),
            token: async () => {
              const response = await fetch(`${emulatorUrl}/_emulator/dev-token`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ audience: tab.audiences[0], upn: tab.devUser.upn, name: tab.devUser.name }),
              });
              const body = (await response.json()) as { access_token?: unknown };
              if (typeof body.access_token !== 'string') throw new Error('the emulator gave no development token');
              return body.access_token;
            },
          }
        : undefined,
  };
}
