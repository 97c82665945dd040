/**
 * Bench-only hooks in a bot process started by bench/bench.ts: tells the parent its port and
 * answers 'memory' with RSS and heap after a full GC (the process runs with --expose-gc).
 * Nothing in src/ loads this file.
 */
export interface MemoryFigures {
  rssBytes: number;
  heapUsedBytes: number;
  /** Stored keys and JSON bytes per key prefix (the first path segment), when the bot reports them. */
  storage?: Record<string, { keys: number; kb: number }>;
}

type ParentMessage = { kind: 'memory'; id: number };
export type ChildMessage = { kind: 'ready'; port: number } | { kind: 'memory'; id: number; memory: MemoryFigures };

export function installIpcHooks({ port, storage }: { port: number; storage?: () => Promise<MemoryFigures['storage']> }): void {
  if (!process.send) return;
  const answer = async (message: ParentMessage): Promise<void> => {
    if (message?.kind !== 'memory') return;
    const stored = await storage?.();
    const gc = (globalThis as { gc?: () => void }).gc;
    // Twice: the first pass may only move survivors to the old generation.
    gc?.();
    gc?.();
    const usage = process.memoryUsage();
    const reply: ChildMessage = {
      kind: 'memory',
      id: message.id,
      memory: { rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, storage: stored },
    };
    process.send?.(reply);
  };
  process.on('message', (message: ParentMessage) => {
    answer(message).catch((err: unknown) => process.stderr.write(`memory figures failed: ${String(err)}\n`));
  });
  process.send({ kind: 'ready', port } satisfies ChildMessage);
  // The bench kills us; if the parent dies first, do not linger.
  process.on('disconnect', () => process.exit(0));
}
