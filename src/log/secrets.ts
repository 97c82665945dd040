/**
 * Secrets known by value: the configured client secrets and app password, and the access tokens
 * the token providers obtained. Pattern scrubbing (`Bearer …`, `client_secret=…`) misses a
 * secret a service echoes bare ("invalid secret abc123"), so every log line and every error text
 * built from a service's answer is also cleaned of these exact values.
 */

/** Shorter values would scrub ordinary words; real secrets and tokens are far longer. */
const MIN_LENGTH = 8;
/** Tokens are refreshed about hourly; only the recent ones can still appear anywhere. */
const MAX_KNOWN = 100;
const REDACTED = '[redacted]';

/** Oldest first (evicted first). */
const known: string[] = [];
/** The same values longest first, so a secret that contains another is replaced whole. */
let longestFirst: string[] = [];

/** Remembers a secret value so it is scrubbed from logs and errors from now on. */
export function registerSecret(value: string | undefined | null): void {
  if (!value || value.length < MIN_LENGTH || known.includes(value)) return;
  known.push(value);
  if (known.length > MAX_KNOWN) known.shift();
  longestFirst = [...known].sort((a, b) => b.length - a.length);
}

/** The text with every registered secret replaced by `[redacted]`, as is and JSON-escaped. */
export function scrubKnownSecrets(text: string): string {
  let out = text;
  for (const secret of longestFirst) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret && out.includes(escaped)) out = out.split(escaped).join(REDACTED);
  }
  return out;
}

/** Tests only: forget every registered value. */
export function clearSecretsForTests(): void {
  known.length = 0;
  longestFirst = [];
}
