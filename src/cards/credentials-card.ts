import { messageCard, type MessagePart } from './message-card';
import type { AdaptiveCard } from './render';

/**
 * What a user sees when the bot's own credentials are refused (a wrong or expired secret): who
 * can fix it, and the reference. Never the identity platform's text (AADSTS codes, trace ids):
 * that is in the log, for the administrator.
 */
export function credentialsCard(service: string, correlationId: string): AdaptiveCard {
  const target = service === 'Graph' ? 'Microsoft Graph' : 'the MMD service';
  const parts: MessagePart[] = [
    `MMD Assist cannot reach ${target} with its credentials; tell the bot's administrator (reference `,
    { value: correlationId },
    ').',
  ];
  return messageCard(parts);
}
