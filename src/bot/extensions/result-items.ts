import { deviceDetailCard } from '../../cards/device-detail-card';
import { relativeTime, severityName } from '../../cards/format';
import { searchPreviewCard } from '../../cards/search-preview-card';
import { ticketDetailCard } from '../../cards/ticket-detail-card';
import type { Device, Ticket } from '../../mmd/types';
import type { ResultItem } from './extension-reply';

const join = (parts: Array<string | null | undefined>) => parts.filter((p) => p && p.trim()).join(' · ');

/**
 * A device as a result: its preview, and its card from what the list gave. Choosing it asks
 * for the full card (selectItem), which adds groups and configurations from the device itself.
 */
export function deviceItem(device: Device, now: Date): ResultItem {
  return {
    preview: searchPreviewCard({
      title: device.name || '(no name)',
      subtitle: join(['Device', device.manufacturer, device.model]),
      text: join([device.userUpn ?? device.assignedUser, device.complianceState, device.osVersion]),
      select: { kind: 'device', name: device.name },
    }),
    card: deviceDetailCard({ device, now }),
  };
}

/** A ticket as a result; choosing it asks for the full card with its notes (selectItem). */
export function ticketItem(ticket: Ticket, now: Date): ResultItem {
  return {
    preview: searchPreviewCard({
      title: join([ticket.id, ticket.title]),
      subtitle: join(['Ticket', ticket.state, ticket.severity === null ? null : `severity ${severityName(ticket.severity)}`]),
      text: `Opened ${relativeTime(ticket.createdDateTime, now)}`,
      select: { kind: 'ticket', id: ticket.id },
    }),
    card: ticketDetailCard({ ticket, notes: ticket.notes, now }),
  };
}
