import type { MmdClient } from '../../mmd/mmd-client';
import type { Device } from '../../mmd/types';

/** Page size of the scan: the emulator's and the service's largest page. */
const SCAN_PAGE = 500;

const matches = (device: Device, id: string) => [device.intuneId, device.aadDeviceId].some((value) => value?.toLowerCase() === id);

/**
 * The managed device with this Intune device id (the admin center's mdmDeviceId). The API has
 * no look-up by Intune id and its searchText does not cover it, so a search is tried first (a
 * service that does match ids answers at once) and then the device list is read page by page
 * until the device turns up, the list ends or `signal` says the turn's time is up.
 * `undefined` when the list ended without it; `null` when time ran out first.
 */
export async function findByIntuneId(mmd: MmdClient, intuneId: string, signal: AbortSignal): Promise<Device | undefined | null> {
  const id = intuneId.toLowerCase();
  try {
    const searched = await mmd.devices.list({ search: id, top: 5 }, { signal });
    const hit = searched.items.find((d) => matches(d, id));
    if (hit) return hit;
    for (let skip = 0; ; skip += SCAN_PAGE) {
      if (signal.aborted) return null;
      const page = await mmd.devices.list({ skip, top: SCAN_PAGE }, { signal });
      const found = page.items.find((d) => matches(d, id));
      if (found) return found;
      if (!page.hasMore || page.items.length === 0) return undefined;
    }
  } catch (err) {
    // The turn's time ran out inside a call: "still loading", as between calls.
    if (signal.aborted) return null;
    throw err;
  }
}
