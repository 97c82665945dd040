import type { ExecuteAction } from './card-action';
import { plain, plainShort, words, type Plain } from './escape';
import { renderCard, type AdaptiveCard } from './render';

/**
 * A short answer as a card: our words, the values they are about (a device name, a ticket id,
 * as typed) in bold, commands in monospace, and optional one-click buttons. Everything is a
 * TextRun, so nothing shows markdown marks (`**`, backticks) or backslashes on any client, and
 * a value like `[x](https://evil)` stays text. Used instead of markdown text replies, which
 * Teams shows raw as the answer to a button press.
 */
/** A string part is our own words; text from the API or a user goes in `value` (or `command`). */
export type MessagePart = string | { value: string | null | undefined } | { command: string };

interface Inline {
  type: 'TextRun';
  text: Plain;
  weight?: 'Bolder';
  fontType?: 'Monospace';
}

const MAX_VALUE_CHARS = 200;

function inline(part: MessagePart): Inline {
  if (typeof part === 'string') return { type: 'TextRun', text: words(part) };
  if ('command' in part) return { type: 'TextRun', text: plain(part.command), fontType: 'Monospace' };
  return { type: 'TextRun', text: plainShort(part.value, MAX_VALUE_CHARS, '(nothing)'), weight: 'Bolder' };
}

export function messageCard(parts: readonly MessagePart[], actions: readonly ExecuteAction[] = []): AdaptiveCard {
  return renderCard('message', { inlines: parts.map(inline), actions: [...actions] });
}
