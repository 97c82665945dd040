/**
 * NUL and the bidirectional override/isolate controls (U+202A–U+202E, U+2066–U+2069). They have
 * no place in a command, a ticket title or a note, and they make text display differently from
 * what it is (an RTL override can make `gpj.exe` read as `exe.jpg`), so they are removed where
 * text enters: user text at the HTTP edge, and API text when it is parsed.
 */
const UNSAFE_CHARS = /[\u0000\u202A-\u202E\u2066-\u2069]/g;

/** The text without NUL and bidi override characters. */
export function cleanText(text: string): string {
  return text.replace(UNSAFE_CHARS, '');
}

/**
 * Every string in a JSON value cleaned in place (object values and array items, at any depth;
 * keys are left alone). Iterative, so a 10,000-deep document cannot overflow the stack.
 */
export function cleanStringsDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!node || typeof node !== 'object') continue;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') record[key] = cleanText(item);
      else if (item && typeof item === 'object') pending.push(item);
    }
  }
  return value;
}
