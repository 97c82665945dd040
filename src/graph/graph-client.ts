import { z } from 'zod';
import type { Logger } from '../log/logger';
import type { TokenProvider } from '../mmd/token-provider';
import { GraphApiError } from './graph-api-error';
import { createGraphSend, type GraphSend } from './graph-send';

/** The few Microsoft Graph calls the bot makes, as resources. Every method throws GraphApiError. */
export interface GraphClient {
  users: {
    /**
     * Which of `groupIds` the user (object id or UPN) is a member of, transitively
     * (`POST /v1.0/users/{id}/checkMemberGroups`). Needs GroupMember.Read.All (application).
     */
    checkMemberGroups(userId: string, groupIds: string[]): Promise<string[]>;
  };
}

export interface GraphClientOptions {
  /** e.g. https://graph.microsoft.com; the sandbox emulator's Graph root in sandbox mode. */
  baseUrl: string;
  /** Client credentials for https://graph.microsoft.com/.default. */
  tokenProvider: TokenProvider;
  timeoutMs: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
}

/** The scope of a client-credentials token for Graph. */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

const memberGroupsSchema = z.object({ value: z.array(z.string()) });

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const send: GraphSend = createGraphSend({ ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') });
  return {
    users: {
      async checkMemberGroups(userId, groupIds) {
        const path = `/v1.0/users/${encodeURIComponent(userId)}/checkMemberGroups`;
        const body = await send({ method: 'POST', path, body: { groupIds } });
        const parsed = memberGroupsSchema.safeParse(body);
        if (!parsed.success) {
          throw new GraphApiError({ status: 200, code: 'invalid_response', serviceMessage: null, method: 'POST', path, retryable: false });
        }
        return parsed.data.value;
      },
    },
  };
}
