/**
 * What a pasted link points at, for link unfurling (composeExtension/queryLink). Three kinds of
 * link are read; the hosts are the manifest's `messageHandlers` domains:
 *
 * - the Intune admin center's device page, on intune.microsoft.com or endpoint.microsoft.com:
 *   `#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/overview/mdmDeviceId/<GUID>` and the
 *   older `#blade/Microsoft_Intune_Devices/DeviceSettingsBlade/overview/mdmDeviceId/<GUID>`
 *   (a `deviceId/<GUID>` segment or an `mdmDeviceId=<GUID>` parameter count too);
 * - an MMD portal ticket link: MMD support tickets live on the admin center's "Service requests"
 *   page (the API documents say so; they give no URL pattern), so an admin center link holding a
 *   ticket id of the documented shape (`MMD-1465058-R5V8P`) as a path segment or parameter
 *   value is read as that ticket;
 * - the bot's own domain (BOT_DOMAIN): `/devices/<name>`, `/tickets/<id>` (singular too), or the
 *   parameters `?device=<name>` and `?ticket=<id>`.
 *
 * Anything else is `none`: Teams then shows the link as it is.
 */
import { TICKET_ID_PATTERN } from '../intents/ticket-id';
import { TICKET_ID_FIELD_PATTERN } from '../intents/ticket-id';
import { DEVICE_NAME_PATTERN } from './patterns';

export type LinkTarget =
  { kind: 'intuneDevice'; intuneId: string } | { kind: 'device'; name: string } | { kind: 'ticket'; id: string } | { kind: 'none' };

const ADMIN_CENTER_HOSTS: readonly string[] = ['intune.microsoft.com', 'endpoint.microsoft.com'];

/** Longer links are not ours (and are not worth parsing). */
const MAX_LINK_LENGTH = 2048;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEVICE_SEGMENTS = new Set(['mdmdeviceid', 'deviceid']);
const DEVICE_NAME = new RegExp(DEVICE_NAME_PATTERN);
const TICKET_FIELD = new RegExp(TICKET_ID_FIELD_PATTERN);
const NONE: LinkTarget = { kind: 'none' };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Path, hash and query as one list of words: the admin center keeps its route in the hash. */
function segments(url: URL): string[] {
  return `${url.pathname}/${url.hash}/${url.search}`
    .split(/[/?&=#~]+/)
    .map(decode)
    .filter(Boolean);
}

function adminCenterTarget(url: URL): LinkTarget {
  const words = segments(url);
  const at = words.findIndex((w, i) => DEVICE_SEGMENTS.has(w.toLowerCase()) && GUID.test(words[i + 1] ?? ''));
  if (at >= 0) return { kind: 'intuneDevice', intuneId: words[at + 1]!.toLowerCase() };
  const ticket = words.find((w) => TICKET_ID_PATTERN.test(w));
  return ticket ? { kind: 'ticket', id: ticket.toUpperCase() } : NONE;
}

const validName = (name: string | undefined): name is string => !!name && name.length <= 64 && DEVICE_NAME.test(name);
const validTicket = (id: string | undefined): id is string => !!id && id.length <= 64 && TICKET_FIELD.test(id);

function botDomainTarget(url: URL): LinkTarget {
  const device = url.searchParams.get('device') ?? undefined;
  const ticket = url.searchParams.get('ticket') ?? undefined;
  const [kind, key] = url.pathname.split('/').filter(Boolean).map(decode);
  const lower = kind?.toLowerCase();
  if ((lower === 'devices' || lower === 'device') && validName(key)) return { kind: 'device', name: key };
  if ((lower === 'tickets' || lower === 'ticket') && validTicket(key)) return { kind: 'ticket', id: key.toUpperCase() };
  if (validName(device)) return { kind: 'device', name: device };
  if (validTicket(ticket)) return { kind: 'ticket', id: ticket.toUpperCase() };
  return NONE;
}

/** Reads a pasted link; `botDomain` is the bot's public host name (BOT_DOMAIN), if configured. */
export function linkTarget(link: string, botDomain?: string): LinkTarget {
  if (link.length > MAX_LINK_LENGTH) return NONE;
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return NONE;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return NONE;
  const host = url.hostname.toLowerCase();
  if (ADMIN_CENTER_HOSTS.includes(host)) return adminCenterTarget(url);
  const own = botDomain?.toLowerCase();
  if (own && (host === own || url.host.toLowerCase() === own)) return botDomainTarget(url);
  return NONE;
}
