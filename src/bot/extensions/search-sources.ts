import type { MmdClient } from '../../mmd/mmd-client';
import type { ResultItem } from './extension-reply';
import { deviceItem, ticketItem } from './result-items';

/**
 * Where the search command looks, in the order results are listed. Every source but the last
 * is capped and read whole (one call, `top` = cap) so the next source knows where its own
 * paging starts; the last source pages with Teams' skip/count. Incidents (Microsoft Graph) go
 * in as a capped source before tickets once the Graph client has them.
 */
export interface SearchSource {
  name: string;
  /** At most this many results from this source (required for all but the last). */
  cap?: number;
  /** `signal`: the turn's deadline, carried into the API call. */
  list(mmd: MmdClient, text: string, skip: number, top: number, now: Date, signal?: AbortSignal): Promise<ResultItem[]>;
}

/** Devices named like the text (name, serial number, user): rarely more than a few. */
export const DEVICE_SOURCE_CAP = 50;

export const SEARCH_SOURCES: readonly SearchSource[] = [
  {
    name: 'devices',
    cap: DEVICE_SOURCE_CAP,
    list: async (mmd, text, skip, top, now, signal) =>
      (await mmd.devices.list({ search: text, skip, top }, { signal })).items.map((d) => deviceItem(d, now)),
  },
  // { name: 'incidents', cap: ..., list: (graph) ... }: the slot for Graph security incidents.
  {
    name: 'tickets',
    list: async (mmd, text, skip, top, now, signal) =>
      (
        await mmd.tickets.list({ titleContains: text, orderBy: { field: 'createdDateTime', direction: 'desc' }, skip, top }, { signal })
      ).items.map((t) => ticketItem(t, now)),
  },
];

/** Results `skip` .. `skip + count` of all sources listed one after the other. */
export async function searchPage(
  sources: readonly SearchSource[],
  mmd: MmdClient,
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
      page.push(...(await source.list(mmd, text, Math.max(0, skip - offset), count - page.length, now, signal)));
      break;
    }
    const all = await source.list(mmd, text, 0, source.cap, now, signal);
    const from = Math.max(0, skip - offset);
    page.push(...all.slice(from, from + count - page.length));
    offset += all.length;
  }
  return page;
}
