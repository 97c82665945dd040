import { startPlayground as start, type RunningPlayground } from '../../scripts/playground';

export type { RunningPlayground };

/**
 * The Agents Playground for a test: a free port of its own, pointed at `botUrl` (the bot's
 * /api/messages). Always `stop()` it in `afterAll`; if the test process dies instead, the
 * Playground exits with it (see scripts/playground.ts).
 */
export function startPlayground(options: { botUrl: string; timeoutMs?: number }): Promise<RunningPlayground> {
  return start({ botUrl: options.botUrl, port: 0, timeoutMs: options.timeoutMs ?? 30_000 });
}
