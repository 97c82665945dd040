import { deviceDetailCard } from '../../cards/device-detail-card';
import { relativeTime, severityName } from '../../cards/format';
import { searchPreviewCard } from '../../cards/search-preview-card';
import { incidentDetailCard } from '../../cards/incident-detail-card';
import { ticketDetailCard } from '../../cards/ticket-detail-card';
import type { Incident } from '../../graph/incident';
import type { Device, Ticket } from '../../mmd/types';
import { newFormId } from '../../state/form-id';
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
    // A list's device has no groups or configurations: the card leaves them out (selectItem fetches the whole one).
    card: deviceDetailCard({ device, now, whole: false }),
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
    // Listed tickets come without notes (the documents'): not "Notes (0)" (selectItem fetches them).
    card: ticketDetailCard({ ticket, notes: ticket.notes, now, notesKnown: ticket.notes.length > 0 }),
  };
}

/** A security incident as a result; choosing it asks for the incident again (selectItem). */
export function incidentItem(incident: Incident, now: Date): ResultItem {
  return {
    preview: searchPreviewCard({
      title: incident.displayName || '(no title)',
      subtitle: join(['Security incident', incident.status, incident.severity === null ? null : `severity ${incident.severity}`]),
      text: `Opened ${relativeTime(incident.createdDateTime, now)}`,
      select: { kind: 'incident', id: incident.id },
    }),
    card: incidentDetailCard({ incident, formId: newFormId(now), now }),
  };
}
