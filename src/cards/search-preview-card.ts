import { truncate, words, type Plain } from './escape';
import { renderCard } from './render';

export interface SearchPreviewInput {
  title: string;
  subtitle?: string;
  text?: string;
  /** Sent back by Teams as composeExtension/selectItem when the result is chosen. */
  select?: Record<string, string>;
}

// Teams renders a thumbnail card's subtitle and text with a little HTML: API text must not
// become markup (or a link) there. Markdown is not rendered in thumbnails, so only these.
const HTML = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function safe(text: string | undefined, max: number): Plain {
  const trimmed = (text ?? '').replace(/\s+/g, ' ').trim();
  return words(truncate(trimmed, max).replace(HTML, (c) => ENTITIES[c] ?? c));
}

/**
 * The thumbnail card a search or unfurl result shows in Teams' list (its `preview`). A tap
 * asks the bot for the full card (composeExtension/selectItem) when `select` is given.
 */
export function searchPreviewCard({ title, subtitle, text, select }: SearchPreviewInput): Record<string, unknown> {
  const card = renderCard('search-preview', {
    title: safe(title, 80) || words('—'),
    subtitle: safe(subtitle, 120),
    text: safe(text, 160),
  });
  return select ? { ...card, tap: { type: 'invoke', value: select } } : card;
}
