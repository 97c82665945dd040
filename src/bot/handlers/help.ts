import type { Role } from '../../config/roles';
import { roleAllows } from '../../config/roles';
import type { AdaptiveCard } from '../../cards/render';
import { helpCard } from '../../cards/help-card';
import { COMMANDS, type CommandSpec } from '../../intents/commands';
import type { BotDeps } from '../deps';
import { card, type Reply } from '../reply';
import type { IntentRoutes } from '../route';
import type { Turn } from '../turn';
import { roleOf } from '../use-cases';

// One filtered list per table and role, so the help card's cache (keyed by the list) keeps hitting.
const visible = new WeakMap<IntentRoutes, Map<Role, readonly CommandSpec[]>>();

/** The commands a role may run, as the routing table says. */
export function commandsFor(intents: IntentRoutes, role: Role): readonly CommandSpec[] {
  let byRole = visible.get(intents);
  if (!byRole) visible.set(intents, (byRole = new Map<Role, readonly CommandSpec[]>()));
  let list = byRole.get(role);
  if (!list) byRole.set(role, (list = COMMANDS.filter((c) => roleAllows(role, roleOf(intents[c.intent].useCase)))));
  return list;
}

/** The help card for this sender: only the commands their role allows. */
export async function helpFor(turn: Turn, deps: BotDeps, intents: IntentRoutes): Promise<AdaptiveCard> {
  const { role } = await deps.security.roles.of(turn);
  return helpCard({ commands: commandsFor(intents, role), mode: deps.config.mode, isAdmin: role === 'admin' });
}

export async function showHelp(turn: Turn, deps: BotDeps, intents: IntentRoutes): Promise<Reply> {
  return card(await helpFor(turn, deps, intents));
}
