/**
 * MMD device names by Intune device id, for the enrollment failures Graph reports by Intune id.
 * The API has no look-up by Intune id, so the device list is read (pages of 500, at most
 * MAX_DEVICES) and kept for CACHE_MS per client; a failed or cut-short read is not kept, and the
 * cards then show the Intune id as before.
 */
import type { MmdClient } from '../../mmd/mmd-client';

const CACHE_MS = 5 * 60_000;
const PAGE = 500;
const MAX_DEVICES = 10_000;

interface Entry {
  at: number;
  names: Promise<ReadonlyMap<string, string>>;
}

const cache = new WeakMap<MmdClient, Entry>();

async function readAll(mmd: MmdClient, signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
  const names = new Map<string, string>();
  for (let skip = 0; skip < MAX_DEVICES; skip += PAGE) {
    const page = await mmd.devices.list({ skip, top: PAGE }, { signal });
    for (const device of page.items) {
      const id = device.intuneId?.trim().toLowerCase();
      if (id && device.name?.trim()) names.set(id, device.name.trim());
    }
    if (!page.hasMore || page.items.length === 0) break;
  }
  return names;
}

/** Device names keyed by lower-cased Intune id; an empty map when the list cannot be read now. */
export async function deviceNamesByIntuneId(mmd: MmdClient, now: Date, signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
  const cached = cache.get(mmd);
  if (cached && now.getTime() - cached.at < CACHE_MS) return cached.names;
  const entry: Entry = { at: now.getTime(), names: readAll(mmd, signal) };
  cache.set(mmd, entry);
  try {
    return await entry.names;
  } catch {
    if (cache.get(mmd) === entry) cache.delete(mmd);
    return new Map();
  }
}

/** The MMD name of the device with this Intune id, if the list has it. */
export function nameOf(names: ReadonlyMap<string, string>, intuneId: string | null | undefined): string | undefined {
  const id = intuneId?.trim().toLowerCase();
  return id ? names.get(id) : undefined;
}
