import { isTicketIdFragment } from '../../intents/ticket-id';
import type { BotDeps } from '../deps';
import type { ResultItem } from './extension-reply';
import { deviceItem, incidentItem, ticketItem } from './result-items';

/**
 * Where the search command looks, in the order results are listed. Every source but the last
 * is capped and read whole (one call, `top` = cap) so the next source knows where its own
 * paging starts; the last source pages with Teams' skip/count. Security incidents (Microsoft
 * Graph) are a capped source between devices and tickets.
 */
export type SearchClients = Pick<BotDeps, 'mmd' | 'graph'>;

export interface SearchSource {
  name: string;
  /** At most this many results from this source (required for all but the last). */
  cap?: number;
  /** `signal`: the turn's deadline, carried into the API call. */
  list(clients: SearchClients, text: string, skip: number, top: number, now: Date, signal?: AbortSignal): Promise<ResultItem[]>;
}

/** Devices named like the text (name, serial number, user): rarely more than a few. */
const DEVICE_SOURCE_CAP = 50;
/** Incidents named like the text: a few at most are worth listing before tickets. */
const INCIDENT_SOURCE_CAP = 10;

export const SEARCH_SOURCES: readonly SearchSource[] = [
  {
    name: 'devices',
    cap: DEVICE_SOURCE_CAP,
    list: async ({ mmd }, text, skip, top, now, signal) =>
      (await mmd.devices.list({ search: text, skip, top }, { signal })).items.map((d) => deviceItem(d, now)),
  },
  {
    name: 'incidents',
    cap: INCIDENT_SOURCE_CAP,
    list: async ({ graph }, text, skip, top, now, signal) => {
      try {
        return (await graph.incidents.list({ displayNameContains: text, skip, top }, { signal })).items.map((i) => incidentItem(i, now));
      } catch (err) {
        // A tenant without the Graph permission (403), or Graph down, still finds devices and tickets.
        if (signal?.aborted) throw err;
        return [];
      }
    },
  },
  {
    name: 'tickets',
    list: async ({ mmd }, text, skip, top, now, signal) => {
      // A ticket id or its start (`MMD-1465058`, `1465058`) is looked for in ids as well as titles.
      const match = isTicketIdFragment(text) ? { titleOrIdContains: text.toUpperCase() } : { titleContains: text };
      const page = await mmd.tickets.list({ ...match, orderBy: { field: 'createdDateTime', direction: 'desc' }, skip, top }, { signal });
      return page.items.map((t) => ticketItem(t, now));
    },
  },
];

/** Results `skip` .. `skip + count` of all sources listed one after the other. */
export async function searchPage(
  sources: readonly SearchSource[],
  clients: SearchClients,
  text: string,
  skip: number,
  count: number,
  now: Date,
  signal?: AbortSignal,
): Promise<ResultItem[]> {
  const page: ResultItem[] = [];
  let offset = 0;
  for (const [i, source] of sources.entries()) {
    const last = i === sources.length - 1;
    if (page.length >= count) break;
    if (last || source.cap === undefined) {
      page.push(...(await source.list(clients, text, Math.max(0, skip - offset), count - page.length, now, signal)));
      break;
    }
    const all = await source.list(clients, text, 0, source.cap, now, signal);
    const from = Math.max(0, skip - offset);
    page.push(...all.slice(from, from + count - page.length));
    offset += all.length;
  }
  return page;
}
