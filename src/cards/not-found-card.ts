import { execute, executeIfValid, type ExecuteAction } from './card-action';
import { plainShort, words } from './escape';
import { renderCard, type AdaptiveCard } from './render';

type NotFoundKind = 'device' | 'ticket' | 'user' | 'elevation' | 'incident';

export interface NotFoundInput {
  what: NotFoundKind;
  /** What the admin typed: a device name, ticket id, UPN, or (elevation) a device name. */
  key: string;
  /** A close match, e.g. from fastest-levenshtein over known names. */
  suggestion?: string;
}

const HEADLINE: Record<NotFoundKind, (key: string) => string> = {
  device: (key) => `No device named ${key} was found.`,
  ticket: (key) => `No ticket with ID ${key} was found.`,
  user: (key) => `No user ${key} was found.`,
  elevation: (key) => `No elevation request was found for ${key}.`,
  incident: (key) => `No security incident ${key} was found.`,
};

const HINT: Record<NotFoundKind, string> = {
  device: 'Check the name, or search by part of the name, serial number or user.',
  ticket: 'Ticket IDs look like MMD-1465058-R5V8P. List your tickets to find it.',
  user: 'Check the UPN, or search by part of the name or email.',
  elevation: 'List the elevation requests to see which devices have one.',
  incident: 'It may have been merged into another incident. List the incidents to find it.',
};

/** A clear "not found" (not an error): what was looked for, a close match if any, and a way on. */
export function notFoundCard({ what, key, suggestion }: NotFoundInput): AdaptiveCard {
  const quoted = `“${plainShort(key, 100, '(nothing)')}”`;
  const close = suggestion?.trim();
  return renderCard('not-found', {
    headline: words(HEADLINE[what](quoted)),
    suggestion: words(close ? `Did you mean “${plainShort(close, 100)}”?` : ''),
    hint: words(HINT[what]),
    actions: [close ? openSuggestion(what, close) : null, searchAction(what, key.trim())].filter((a): a is ExecuteAction => a !== null),
  });
}

function openSuggestion(what: NotFoundKind, key: string): ExecuteAction | null {
  const title = `Open ${truncateTitle(key)}`;
  switch (what) {
    case 'device':
      return executeIfValid(title, 'device.open', { name: key });
    case 'ticket':
      return executeIfValid(title, 'ticket.open', { id: key });
    case 'user':
      return executeIfValid(title, 'user.open', { upn: key });
    case 'incident':
      return executeIfValid(title, 'incident.open', { id: key });
    case 'elevation':
      return executeIfValid(`Requests for ${truncateTitle(key)}`, 'elevations.page', { deviceName: key, skip: 0 });
  }
}

function searchAction(what: NotFoundKind, key: string): ExecuteAction | null {
  switch (what) {
    case 'device':
      return executeIfValid('Search devices', 'devices.page', { search: key.slice(0, 200) || undefined, skip: 0 });
    case 'user':
      return executeIfValid('Search users', 'users.page', { search: key.slice(0, 200) || undefined, skip: 0 });
    case 'ticket':
      return execute('List tickets', 'tickets.page', { states: [], severities: [], skip: 0 });
    case 'elevation':
      return execute('List elevation requests', 'elevations.page', { skip: 0 });
    case 'incident':
      return execute('List incidents', 'incidents.page', { statuses: [], severities: [], skip: 0 });
  }
}

// Button titles are plain text (no markdown), but keep them short.
function truncateTitle(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
