import { roleAllows, type Grants } from '../../config/roles';
import type { AdaptiveCard } from '../../cards/render';
import { helpCard } from '../../cards/help-card';
import { COMMANDS, type CommandSpec } from '../../intents/commands';
import type { BotDeps } from '../deps';
import { card, type Reply } from '../reply';
import type { IntentRoutes } from '../route';
import type { Turn } from '../turn';
import { roleOf } from '../use-cases';

// One filtered list per table and set of roles, so the help card's cache (keyed by the list) keeps hitting.
const visible = new WeakMap<IntentRoutes, Map<string, readonly CommandSpec[]>>();

/** The commands a user with these roles may run, as the routing table says. */
function commandsFor(intents: IntentRoutes, roles: Grants): readonly CommandSpec[] {
  let byRoles = visible.get(intents);
  if (!byRoles) visible.set(intents, (byRoles = new Map<string, readonly CommandSpec[]>()));
  const key = [...roles].sort().join(',');
  let list = byRoles.get(key);
  if (!list) byRoles.set(key, (list = COMMANDS.filter((c) => roleAllows(roles, roleOf(intents[c.intent].useCase)))));
  return list;
}

/** The help card for this sender: only the commands their role allows. */
export async function helpFor(turn: Turn, deps: BotDeps, intents: IntentRoutes): Promise<AdaptiveCard> {
  const { roles } = await deps.security.roles.of(turn);
  const isAdmin = roles.has('elevation-admin') || roles.has('bot-admin');
  return helpCard({ commands: commandsFor(intents, roles), mode: deps.config.mode, isAdmin });
}

export async function showHelp(turn: Turn, deps: BotDeps, intents: IntentRoutes): Promise<Reply> {
  return card(await helpFor(turn, deps, intents));
}
