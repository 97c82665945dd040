import { truncate } from '../../cards/escape';
import { noteText } from '../../cards/note-rows';
import { isStrongDeviceName, toTicketId } from '../../intents/entities';
import { tokenize } from '../../intents/tokens';
import type { NewTicketInput } from '../../protocol/ticket-rules';
import type { SourceMessage } from './extension-invoke';

/** A message longer than this is cut before the HTML is read (Teams allows about 28 KB). */
const MAX_SOURCE = 30_000;
const MAX_TITLE = 120;
/** The ticket rules' description limit (src/protocol/ticket-rules.ts). */
const MAX_DESCRIPTION = 3000;
const MAX_NAMED = 5;

export interface MessageFacts {
  /** The message as plain text, HTML removed. */
  text: string;
  /** Device names (MMD-12345, DESKTOP-AB12CD) found in it, at most five. */
  devices: string[];
  /** Ticket ids (MMD-1465058-R5V8P) found in it, at most five. */
  tickets: string[];
}

/** What a message says and names: its text, and the devices and tickets it mentions. */
export function readMessage(message: SourceMessage): MessageFacts {
  const source = message.content.slice(0, MAX_SOURCE);
  const text = noteText({ text: source, renderType: message.html ? 'html' : 'text' });
  const devices = new Set<string>();
  const tickets = new Set<string>();
  for (const token of tokenize(text)) {
    const ticket = toTicketId(token.raw);
    if (ticket) {
      if (tickets.size < MAX_NAMED) tickets.add(ticket);
    } else if (isStrongDeviceName(token.raw) && devices.size < MAX_NAMED) {
      devices.add(token.raw.toUpperCase());
    }
  }
  return { text, devices: [...devices], tickets: [...tickets] };
}

/** Only a web link is kept; anything else (javascript:, data:) is dropped. */
function safeLink(link: string | undefined): string | undefined {
  if (!link || link.length > 1000) return undefined;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The new ticket form's starting values for "Create MMD ticket from this message": the first
 * line as the title, the message text as the description followed by the devices and tickets it
 * names and the link back to the message (kept even when the text has to be cut).
 */
export function prefillFromMessage(message: SourceMessage | undefined): Partial<NewTicketInput> {
  if (!message) return {};
  const { text, devices, tickets } = readMessage(message);
  const firstLine =
    text
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? '';
  const link = safeLink(message.link);
  const author = message.author?.replace(/\s+/g, ' ').trim().slice(0, 64);
  const trailer = [
    devices.length ? `Devices: ${devices.join(', ')}` : '',
    tickets.length ? `Related tickets: ${tickets.join(', ')}` : '',
    link ? `Teams message${author ? ` from ${author}` : ''}: ${link}` : author ? `Teams message from ${author}` : '',
  ].filter(Boolean);
  const tail = trailer.length ? `\n\n${trailer.join('\n')}` : '';
  const body = text ? truncate(text, Math.max(0, MAX_DESCRIPTION - tail.length)) : '';
  return {
    ...(firstLine ? { title: truncate(firstLine, MAX_TITLE) } : {}),
    description: `${body}${tail}`.trim().slice(0, MAX_DESCRIPTION),
    ...(devices.length ? { category: 'Devices' } : {}),
  };
}
