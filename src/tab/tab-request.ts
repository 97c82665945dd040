import type { MmdClient } from '../mmd/mmd-client';
import type { SsoUser } from './sso-token-verifier';

/** What a tab API handler sees: the verified user, path and query parameters, the JSON body. */
export interface TabRequest {
  user: SsoUser;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** The MMD client for this request: the app's, or one with the user's OBO token (MMD_AUTH=user). */
  mmd: MmdClient;
}

export interface TabAnswer {
  status: number;
  body: unknown;
}

export type TabHandler = (req: TabRequest) => Promise<TabAnswer>;

export const ok = (body: unknown, status = 200): TabAnswer => ({ status, body });
