/**
 * The JSON the tab's API answers: plain rows picked field by field from the MMD types, so what
 * the page gets is exactly what it shows (nothing secret slips through by accident).
 */
import { convert } from 'html-to-text';
import { severityName, ticketTypeLabel } from '../mmd/enums';
import { severityColor, statusView, ticketStateColor, ticketStateLabel, type TextColor } from '../cards/format';
import { valueLabel } from '../protocol/labels';
import { requesterOf } from '../protocol/attribution';
import type { Device, ElevationRequest, Ticket, TicketNote } from '../mmd/types';

/** States the service uses for tickets not yet finished. */
export const OPEN_TICKET_STATES = ['new', 'active'];

/** Deployment states that mean a configuration failed on a device. */
const FAILED_STATES = new Set(['failed', 'error', 'noncompliant']);

export function ticketRow(ticket: Ticket) {
  return {
    id: ticket.id,
    title: ticket.title ?? '',
    state: ticket.state ?? 'unknown',
    // The chat cards' words and colours (src/cards/format.ts), so the tab says what chat says.
    stateLabel: ticketStateLabel(ticket.state ?? 'unknown'),
    stateColor: ticketStateColor(ticket.state),
    severity: ticket.severity,
    severityName: severityName(ticket.severity),
    severityColor: severityColor(ticket.severity),
    type: ticketTypeLabel(ticket.type),
    category: ticket.category ?? '',
    createdDateTime: ticket.createdDateTime,
  };
}

export function ticketDetail(ticket: Ticket) {
  return {
    ...ticketRow(ticket),
    description: ticket.description ?? '',
    subcategory: ticket.subcategory ?? '',
    nextActionOwner: ticket.nextActionOwner ?? '',
    resolvedDateTime: ticket.resolvedDateTime,
  };
}

export function noteRow(note: TicketNote) {
  return {
    id: note.id === null ? null : String(note.id),
    // "html" notes hold markup: the page shows text only, so tags are dropped here.
    text: note.renderType?.toLowerCase() === 'html' || /<[a-z!/]/i.test(note.text) ? htmlToPlain(note.text) : note.text,
    sender: note.sender ?? '',
    createdDateTime: note.createdDateTime,
  };
}

// Same conversion as the bot's note cards: words kept; tags, scripts, images and link targets dropped.
const HTML_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
  ],
};

function htmlToPlain(html: string): string {
  return convert(html, HTML_OPTIONS)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Notes are stored as HTML: typed text goes in escaped (src/protocol/note-rules.ts). */

export function failingConfigurations(device: Device) {
  return device.configurations
    .filter((c) => FAILED_STATES.has((c.deploymentStatus ?? '').toLowerCase()))
    .map((c) => ({ name: c.name ?? '(unnamed)', type: c.type ?? '', status: c.deploymentStatus ?? '' }));
}

/** A device as the tab lists it. */
export type DeviceRow = ReturnType<typeof deviceRow>;

export function deviceRow(device: Device) {
  return {
    name: device.name,
    user: device.userUpn ?? device.assignedUser ?? '',
    model: [device.manufacturer, device.model].filter(Boolean).join(' '),
    complianceState: device.complianceState ?? 'Unknown',
    complianceLabel: valueLabel(device.complianceState ?? 'Unknown'),
    complianceColor: statusView(device.complianceState ?? 'Unknown').color,
    ring: device.primaryUpdateRing ?? 'Unknown',
    osVersion: device.osVersion ?? '',
    lastSync: device.lastIntuneSyncDateTimeUtc,
    failing: failingConfigurations(device),
  };
}

export function elevationRow(request: ElevationRequest) {
  return {
    id: request.id,
    title: request.title ?? '',
    deviceName: request.deviceName ?? '',
    category: request.category ?? '',
    requestedBy: requesterOf(request.requestingAgentUpn, request.planOfAction),
    ticketId: request.partnerTicketId ?? '',
    planOfAction: request.planOfAction ?? '',
    created: request.requestCreationTime,
    closed: request.requestClosureTime,
    closedBy: request.closingAgentUpn ?? '',
  };
}

export interface Slice {
  label: string;
  count: number;
  /** The chat cards' colour for this value; the tab's bars and pills use the same. */
  color?: TextColor;
}

/**
 * Chart slices in the chat's words and colours: raw values ("NonCompliant", "resolved") become
 * their labels ("Non-compliant", "Resolved"), slices with the same label are merged, and each
 * gets the colour chat gives that value. `kind` says which vocabulary the values are.
 */
export function shownSlices(slices: { label: string; count: number }[], kind: 'state' | 'compliance' | 'severity'): Slice[] {
  const merged = new Map<string, Slice>();
  for (const { label: raw, count } of slices) {
    const label = kind === 'state' ? ticketStateLabel(raw) : kind === 'compliance' ? valueLabel(raw) : raw;
    const color: TextColor =
      kind === 'state'
        ? ticketStateColor(raw)
        : kind === 'compliance'
          ? statusView(raw).color
          : raw === 'Critical'
            ? 'Attention'
            : 'Default';
    const seen = merged.get(label);
    merged.set(label, { label, count: (seen?.count ?? 0) + count, color });
  }
  return [...merged.values()];
}

/** Counts of a key over items, in first-seen order. */
export function countBy<T>(items: T[], key: (item: T) => string): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count }));
}
