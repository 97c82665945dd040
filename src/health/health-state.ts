/** The short reason of a failure for /healthz and the log: its first line, at most 300 characters. */
export function shortReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (message.split('\n')[0] ?? '').slice(0, 300);
}

/** What /healthz can name as failed. */
export type Dependency = 'storage' | 'mmd-token' | 'graph-token' | 'notifier-leader';

/** One failed dependency: what it is and why, in the operator's words (no secrets, no raw tokens). */
export interface Problem {
  dependency: Dependency;
  reason: string;
  since: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  /** Present when degraded: each failed dependency once. */
  failed?: Problem[];
}

/**
 * The process's view of its dependencies. Checks report into it (`fail`, `recover`); /healthz
 * and the welcome card read it. Degraded still answers 200: the process keeps serving (what
 * works, works) and a restart would not fix a wrong secret.
 */
export class HealthState {
  private readonly problems = new Map<Dependency, Problem>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** True when this is a new failure (the caller logs it then, not on every repeat). */
  fail(dependency: Dependency, reason: string): boolean {
    const known = this.problems.get(dependency);
    this.problems.set(dependency, { dependency, reason, since: known?.since ?? this.now().toISOString() });
    return known === undefined;
  }

  /** True when the dependency had failed before. */
  recover(dependency: Dependency): boolean {
    return this.problems.delete(dependency);
  }

  failed(dependency: Dependency): Problem | undefined {
    return this.problems.get(dependency);
  }

  report(): HealthReport {
    if (this.problems.size === 0) return { status: 'ok' };
    return { status: 'degraded', failed: [...this.problems.values()] };
  }
}
