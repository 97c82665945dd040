/** Small pieces of template data several cards share. */
import { words, type Plain } from './escape';

export interface Fact {
  title: Plain;
  value: Plain;
}

/**
 * Facts from [title, value] pairs (shown as typed in TextRuns); titles are our own labels,
 * values plain() text. With `skipEmpty`, unset values (the dash) are left out.
 */
export function facts(pairs: Array<[string, Plain]>, skipEmpty = false): Fact[] {
  return pairs
    .filter(([, value]) => !skipEmpty || (value !== '' && value !== '—'))
    .map(([title, value]) => ({ title: words(title), value }));
}

/** The first `max` items and a "and N more …" line (empty when nothing was cut). */
export function capped<T>(items: readonly T[], max: number, noun: string): { shown: T[]; more: Plain } {
  const hidden = items.length - max;
  return { shown: items.slice(0, max), more: words(hidden > 0 ? `…and ${hidden} more ${noun} not shown.` : '') };
}
