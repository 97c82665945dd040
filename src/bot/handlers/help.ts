import { helpCard } from '../../cards/help-card';
import { COMMANDS } from '../../intents/commands';
import type { BotDeps } from '../deps';
import { card, type Reply } from '../reply';
import type { Turn } from '../turn';

export async function showHelp(_turn: Turn, _intent: unknown, deps: BotDeps): Promise<Reply> {
  return card(helpCard({ commands: COMMANDS, mode: deps.config.mode }));
}
