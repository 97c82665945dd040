/**
 * Storage keys hold `/`, `%`, spaces, dots and any Unicode; blob names must not end in `.` or
 * `/`, and `.`/`..` segments are rewritten by URL parsers. Percent-encoding everything but
 * [A-Za-z0-9_-] gives a safe, reversible name. The code is prefix-free per character, so
 * `encodeKey(prefix)` is a prefix of `encodeKey(key)` exactly when `prefix` is one of `key`:
 * listing by prefix works on names. (Order differs; `list` re-sorts the decoded keys.)
 */
export function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/[.!~*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function decodeKey(name: string): string {
  return decodeURIComponent(name);
}
