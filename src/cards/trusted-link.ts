/** Links from Graph (the Defender portal, Learn help links) as buttons, only when they are safe to open. */
const TRUSTED_HOSTS = /(^|\.)(microsoft\.com|microsoftonline\.com|azure\.com)$/i;

/**
 * An Action.OpenUrl for a link from the API, only when it is https to a Microsoft host (the
 * Defender portal, Learn): anything else stays inert text.
 */
export function trustedLink(title: string, raw: string | null | undefined): { type: 'Action.OpenUrl'; title: string; url: string } | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'https:' || url.username || url.password || !TRUSTED_HOSTS.test(url.hostname)) return null;
    return { type: 'Action.OpenUrl', title, url: url.toString() };
  } catch {
    return null;
  }
}
