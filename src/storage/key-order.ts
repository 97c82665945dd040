/**
 * The one order `list` returns keys in: Unicode code point order. It is what SQLite's BINARY
 * collation gives (UTF-8 byte order), so every back end sorts alike; JavaScript's default sort
 * (UTF-16 code units) differs for characters above U+FFFF.
 */
export function compareKeys(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  const n = Math.min(left.length, right.length);
  for (let i = 0; i < n; i++) {
    const diff = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}
