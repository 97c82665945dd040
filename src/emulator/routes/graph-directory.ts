/**
 * The emulated part of Microsoft Graph the bot uses: group membership for the elevation admin
 * check (`POST /graph/v1.0/users/{id}/checkMemberGroups`), and an emulator-only route to set
 * the directory. Errors follow Graph's shape (`error.code` like `Request_ResourceNotFound`).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ApiResponse, Route, RouteHandler } from '../http';
import { noContent, ok } from '../http';
import { validate } from '../validation';

/** Users and the groups they belong to, by object id (lower-cased). Empty at start. */
export class GraphDirectory {
  private users = new Set<string>();
  private groups = new Map<string, Set<string>>();

  /** Replaces everything: `groups` maps a group id to its member ids; `users` adds members of none. */
  replace(groups: Record<string, string[]>, users: string[] = []): void {
    this.groups = new Map(Object.entries(groups).map(([id, members]) => [id.toLowerCase(), new Set(members.map((m) => m.toLowerCase()))]));
    this.users = new Set([...users, ...Object.values(groups).flat()].map((u) => u.toLowerCase()));
  }

  hasUser(id: string): boolean {
    return this.users.has(id.toLowerCase());
  }

  /** The ids of `groupIds` that `userId` is a member of, in the order asked. */
  memberOf(userId: string, groupIds: string[]): string[] {
    const user = userId.toLowerCase();
    return groupIds.filter((id) => this.groups.get(id.toLowerCase())?.has(user) === true);
  }
}

function graphError(status: number, code: string, message: string): ApiResponse {
  return {
    status,
    body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID() } } },
  };
}

const checkSchema = z.object({ groupIds: z.array(z.string()).max(20) });
const directorySchema = z.object({
  groups: z.record(z.string(), z.array(z.string())),
  users: z.array(z.string()).optional(),
});

function checkMemberGroups(directory: GraphDirectory): RouteHandler {
  return (req) => {
    const userId = req.params.userId ?? '';
    const parsed = checkSchema.safeParse(req.body);
    if (!parsed.success) return graphError(400, 'Request_BadRequest', 'Invalid request: groupIds must be an array of at most 20 strings.');
    if (!directory.hasUser(userId)) {
      return graphError(
        404,
        'Request_ResourceNotFound',
        `Resource '${userId}' does not exist or one of its queried reference-property objects are not present.`,
      );
    }
    return ok({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)',
      value: directory.memberOf(userId, parsed.data.groupIds),
    });
  };
}

function setDirectory(directory: GraphDirectory): RouteHandler {
  return (req) => {
    const { groups, users } = validate(directorySchema, req.body, 'directory');
    directory.replace(groups, users);
    return noContent;
  };
}

/** The Graph routes over one directory (wired in emulator.ts beside ROUTES). */
export function graphRoutes(directory: GraphDirectory): Route[] {
  return [
    { method: 'POST', path: '/graph/v1.0/users/:userId/checkMemberGroups', auth: 'bearer', handler: checkMemberGroups(directory) },
    { method: 'POST', path: '/_emulator/graph/directory', auth: 'none', handler: setDirectory(directory) },
  ];
}
