/** Injected faults: latency, error statuses (with Retry-After), dropped connections, countdowns. */
import type { FaultController, FaultRule } from './types';

interface ActiveRule {
  rule: FaultRule;
  pattern: RegExp;
  remaining: number;
}

export class FaultStore implements FaultController {
  private rules: ActiveRule[] = [];

  constructor(initial: FaultRule[] = []) {
    initial.forEach((rule) => this.add(rule));
  }

  /** Adds a rule; an invalid path expression throws (a 400 at the admin route). */
  add(rule: FaultRule): void {
    const pattern = new RegExp(rule.path);
    const times = rule.times === undefined ? Infinity : Math.max(0, Math.floor(rule.times));
    if (times > 0) this.rules.push({ rule: { ...rule }, pattern, remaining: times });
  }

  clear(): void {
    this.rules = [];
  }

  /** The active rules; `times` shows what is left of a countdown. */
  list(): FaultRule[] {
    return this.rules.map(({ rule, remaining }) => (Number.isFinite(remaining) ? { ...rule, times: remaining } : { ...rule }));
  }

  /** The first rule matching this request, counted as used; undefined when none applies. */
  take(method: string, path: string): FaultRule | undefined {
    const index = this.rules.findIndex(
      ({ rule, pattern }) => (!rule.method || rule.method.toUpperCase() === method.toUpperCase()) && pattern.test(path),
    );
    if (index < 0) return undefined;
    const active = this.rules[index]!;
    active.remaining -= 1;
    if (active.remaining <= 0) this.rules.splice(index, 1);
    return active.rule;
  }
}
