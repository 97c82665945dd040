import { z } from 'zod';
import { graphSend, type GraphClientOptions } from './graph-sends';
import type { CallOptions } from '../http/request';
import { segment } from '../http/url';
import { GRAPH_PROFILE, GraphApiError } from './graph-api-error';

/** The few Microsoft Graph calls the bot makes, as resources. Every method throws GraphApiError. */
export interface GraphClient {
  users: {
    /**
     * Which of `groupIds` the user (object id or UPN) is a member of, transitively
     * (`POST /v1.0/users/{id}/checkMemberGroups`). Needs GroupMember.Read.All (application).
     */
    checkMemberGroups(userId: string, groupIds: string[], options?: CallOptions): Promise<string[]>;
  };
}

/** The scope of a client-credentials token for Graph. */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

const memberGroupsSchema = z.object({ value: z.array(z.string()) });

/** The Graph client: the shared `send` (src/http) with Graph's options (see graph-sends.ts). */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const send = graphSend(options, 'v1.0');
  return {
    users: {
      async checkMemberGroups(userId, groupIds, call = {}) {
        const path = `users/${segment(userId, GRAPH_PROFILE, 'POST')}/checkMemberGroups`;
        // A read despite POST: safe to repeat after an ambiguous failure.
        const response = await send({ method: 'POST', path, body: { groupIds }, idempotent: true, signal: call.signal });
        const parsed = memberGroupsSchema.safeParse(response.body);
        if (!parsed.success) {
          throw new GraphApiError({ status: 200, code: 'invalid_response', serviceMessage: null, method: 'POST', path, retryable: false });
        }
        return parsed.data.value;
      },
    },
  };
}
