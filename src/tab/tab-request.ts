import type { Grants } from '../config/roles';
import type { MmdClient } from '../mmd/mmd-client';
import type { SharedView } from './shared-view';
import type { SsoUser } from './sso-token-verifier';
import type { DeviceRow } from './views';
import type { TabChange } from './tab-audit';

/** What a tab API handler sees: the verified user, path and query parameters, the JSON body. */
export interface TabRequest {
  user: SsoUser;
  /** The user's roles, already checked against the endpoint's use case (tab-policy.ts). */
  roles: Grants;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** The MMD client for this request: the app's, or one with the user's OBO token (MMD_AUTH=user). */
  mmd: MmdClient;
  /**
   * True with app context (MMD_AUTH=app): MMD records the app as the author, so written text
   * ends with the user's name and UPN. False when the call carries the user's own token.
   */
  attribute: boolean;
  /** The failing-devices view, shared per tenant (shared-view.ts). */
  failing: SharedView<{ items: DeviceRow[]; checked: number }>;
  /** Writes the audit record of a change this request made (after the API accepted it). */
  record(change: TabChange): Promise<void>;
}

export interface TabAnswer {
  status: number;
  body: unknown;
}

export type TabHandler = (req: TabRequest) => Promise<TabAnswer>;

export const ok = (body: unknown, status = 200): TabAnswer => ({ status, body });
