import type { ExecuteAction } from './card-action';
import { plainShort } from './escape';
import { renderCard, type AdaptiveCard } from './render';

/**
 * A short answer as a card: our words, the values they are about (a device name, a ticket id,
 * as typed) in bold, commands in monospace, and optional one-click buttons. Everything is a
 * TextRun, so nothing shows markdown marks (`**`, backticks) or backslashes on any client, and
 * a value like `[x](https://evil)` stays text. Used instead of markdown text replies, which
 * Teams shows raw as the answer to a button press.
 */
export type MessagePart = string | { value: string | null | undefined } | { command: string };

interface Inline {
  type: 'TextRun';
  text: string;
  weight?: 'Bolder';
  fontType?: 'Monospace';
}

const MAX_VALUE_CHARS = 200;

function inline(part: MessagePart): Inline {
  if (typeof part === 'string') return { type: 'TextRun', text: part };
  if ('command' in part) return { type: 'TextRun', text: part.command, fontType: 'Monospace' };
  return { type: 'TextRun', text: plainShort(part.value, MAX_VALUE_CHARS, '(nothing)'), weight: 'Bolder' };
}

export function messageCard(parts: readonly MessagePart[], actions: readonly ExecuteAction[] = []): AdaptiveCard {
  return renderCard('message', { inlines: parts.map(inline), actions: [...actions] });
}
