/**
 * A small seeded PRNG (mulberry32) and helpers. The seed data must be identical for a given seed
 * on every machine, so nothing here touches Math.random.
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** A GUID-shaped string made of PRNG bits. */
  uuid(): string;
  /** `length` characters drawn from `alphabet`. */
  chars(length: number, alphabet: string): string;
}

export function mulberry32(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const chars = (length: number, alphabet: string): string => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (probability: number) => next() < probability,
    chars,
    uuid: () => {
      const hex = '0123456789abcdef';
      return `${chars(8, hex)}-${chars(4, hex)}-4${chars(3, hex)}-${'89ab'[int(0, 3)]}${chars(3, hex)}-${chars(12, hex)}`;
    },
  };
}

/** Derives an independent stream seed for item `index` of a kind, so items can be built lazily. */
export function subSeed(seed: number, kind: number, index: number): number {
  let h = (seed ^ Math.imul(kind + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (index + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}
