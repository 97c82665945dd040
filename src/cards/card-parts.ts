/** Small pieces of template data several cards share. */

export interface Fact {
  title: string;
  value: string;
}

/** Facts from [title, value] pairs (shown as typed in TextRuns); with `skipEmpty`, unset values (the dash) are left out. */
export function facts(pairs: Array<[string, string]>, skipEmpty = false): Fact[] {
  return pairs.filter(([, value]) => !skipEmpty || (value !== '' && value !== '—')).map(([title, value]) => ({ title, value }));
}

/** The first `max` items and a "and N more …" line (empty when nothing was cut). */
export function capped<T>(items: readonly T[], max: number, noun: string): { shown: T[]; more: string } {
  const hidden = items.length - max;
  return { shown: items.slice(0, max), more: hidden > 0 ? `…and ${hidden} more ${noun} not shown.` : '' };
}
