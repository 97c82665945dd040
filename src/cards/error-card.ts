import { plain, plainShort, words } from './escape';
import { renderCard, type AdaptiveCard } from './render';

export interface ErrorInput {
  /** What failed, in plain words: "Looking up device MMD-1". Escaped here. */
  what: string;
  /** The service's own message, if any (cut; shown as typed). Never pass secrets or raw requests. */
  message?: string;
  /** Whether trying again later may help (throttling, timeouts, 5xx). */
  retryable: boolean;
  /** Shown so the admin can quote it; the log has the details under the same id. */
  correlationId: string;
}

/** The one way a failure reaches the user: what failed, whether to retry, and a reference. */
export function errorCard({ what, message, retryable, correlationId }: ErrorInput): AdaptiveCard {
  return renderCard('error', {
    headline: `Something went wrong while ${plain(lowerFirst(what.trim()), 'doing that')}.`,
    message: words(message?.trim() ? `The service said: ${plainShort(message, 500)}` : ''),
    advice: retryable
      ? 'This is probably temporary: trying again in a minute may help.'
      : 'Trying again will not help. Check what you asked for, or give the reference below to your administrator.',
    correlationId: plain(correlationId, 'none'),
  });
}

// "Looking up device MMD-1" reads "while looking up …"; an acronym ("MMD …") keeps its case.
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
