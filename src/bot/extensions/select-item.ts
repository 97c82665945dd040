import { z } from 'zod';
import { notFoundCard } from '../../cards/not-found-card';
import { searchPreviewCard } from '../../cards/search-preview-card';
import { deviceDetailCard } from '../../cards/device-detail-card';
import { ticketDetailCard } from '../../cards/ticket-detail-card';
import type { BotDeps } from '../deps';
import type { Turn } from '../turn';
import { extensionMessage, results, type ExtensionReply, type ResultItem } from './extension-reply';
import { deviceItem, incidentItem, ticketItem } from './result-items';

/** What a result's preview sends back when chosen (result-items.ts); checked, it is client data. */
const SELECTION = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('device'), name: z.string().trim().min(1).max(64) }),
  z.object({ kind: z.literal('ticket'), id: z.string().trim().min(1).max(64) }),
  z.object({ kind: z.literal('incident'), id: z.string().trim().min(1).max(64) }),
]);

export type Selection = z.infer<typeof SELECTION>;

function notFound(what: 'device' | 'ticket' | 'incident', key: string): ResultItem {
  return {
    preview: searchPreviewCard({ title: `No ${what} ${key}`, text: 'It may have been removed.' }),
    card: notFoundCard({ what, key }),
  };
}

/** The full card of one device or ticket (with groups and configurations, or notes). */
export async function fullItem(selection: Selection, deps: BotDeps): Promise<ResultItem> {
  const now = deps.now();
  if (selection.kind === 'device') {
    const device = await deps.mmd.devices.get(selection.name);
    if (!device) return notFound('device', selection.name);
    return { ...deviceItem(device, now), card: deviceDetailCard({ device, now }) };
  }
  if (selection.kind === 'incident') {
    const incident = await deps.graph.incidents.get(selection.id);
    return incident ? incidentItem(incident, now) : notFound('incident', selection.id);
  }
  const ticket = await deps.mmd.tickets.get(selection.id);
  if (!ticket) return notFound('ticket', selection.id);
  const notes = await deps.mmd.tickets.notes(ticket.id);
  return { ...ticketItem(ticket, now), card: ticketDetailCard({ ticket, notes, now }) };
}

/** composeExtension/selectItem: the chosen result's full card goes into the compose box. */
export async function selectItem(turn: Turn, value: unknown, deps: BotDeps): Promise<ExtensionReply> {
  const parsed = SELECTION.safeParse(value);
  if (!parsed.success) {
    turn.log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'selectItem data rejected');
    return extensionMessage('That result carried data I cannot accept. Search again and pick it from the list.');
  }
  return results([await fullItem(parsed.data, deps)]);
}
