import { EXAMPLE_DEVICE, EXAMPLE_TICKET_ID } from '../../src/emulator/seed';
import { startHarness, type Collection, type Harness } from './emulator-harness';
import { graphApi } from './graph-api';

/**
 * Issue 14: the sandbox data is dated relative to the emulator's clock, so it reads like a live
 * tenant; two starts at different times hold the same data moved by the same amount (order and
 * gaps kept); the same start time gives the same data. Over real HTTP, with injected clocks.
 */
const START = new Date('2026-12-01T06:00:00Z');
const LATER = new Date(START.getTime() + 10 * 86_400_000 + 3_600_000); // 10 days and 1 hour on
const HOUR = 3_600_000;

type Row = Record<string, unknown>;

/** Every seeded time of the tenant as it answers, keyed by where it is (same keys on every start). */
async function timesOf(h: Harness): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const keep = (prefix: string, row: Row, fields: string[]) => {
    for (const field of fields) {
      const value = row[field];
      // The zero date is the service's "never" (not evaluated yet): not a time to move.
      if (typeof value === 'string' && value !== '' && !value.startsWith('0001-')) out.set(`${prefix}.${field}`, value);
    }
  };
  const devices = (await h.api<Collection<Row>>(`${h.tenantPath}/devices?$top=500`)).body.value;
  devices.forEach((d, i) => keep(`device${i}`, d, ['enrolledIntoIntuneDateTimeUtc', 'lastIntuneSyncDateTimeUtc']));
  const detail = (await h.api<Row>(`${h.tenantPath}/devices/${EXAMPLE_DEVICE}`)).body;
  (detail.configurations as Row[]).forEach((c, i) => keep(`config${i}`, c, ['lastReportedStatusUtc']));
  const tickets = (await h.api<Collection<Row>>('tickets?$top=500')).body.value;
  tickets.forEach((t, i) => keep(`ticket${i}`, t, ['createdDateTime', 'resolvedDateTime', 'issueFirstNoticed', 'nextActionTime']));
  const notes = (await h.api<Collection<Row>>(`tickets('${EXAMPLE_TICKET_ID}')/notes`)).body.value;
  expect(notes.length).toBeGreaterThan(0);
  notes.forEach((n, i) => keep(`note${i}`, n, ['createdDateTime']));
  const elevations = (await h.api<Collection<Row>>(`${h.tenantPath}/elevationRequests?$top=500`)).body.value;
  elevations.forEach((e, i) => keep(`elevation${i}`, e, ['requestCreationTime', 'requestClosureTime', 'passwordLastUpdatedTime']));
  const graph = graphApi(h);
  const incidents = (await graph<Collection<Row>>('/v1.0/security/incidents?$top=500')).body.value;
  incidents.forEach((x, i) => keep(`incident${i}`, x, ['createdDateTime', 'lastUpdateDateTime']));
  return out;
}

const ms = (iso: string) => Date.parse(iso);

describe('sandbox data dated relative to now', () => {
  let start: Harness;
  let later: Harness;
  let again: Harness;

  beforeAll(async () => {
    start = await startHarness({ now: () => START });
    later = await startHarness({ now: () => LATER });
    again = await startHarness({ now: () => START });
  });
  afterAll(async () => {
    await Promise.all([start?.close(), later?.close(), again?.close()]);
  });

  it('reads like a live tenant: the newest sync, ticket and note are hours old; nothing seeded is in the future', async () => {
    const times = await timesOf(start);
    const newest = (suffix: string) => Math.max(...[...times].filter(([k]) => k.endsWith(suffix)).map(([, v]) => ms(v)));
    expect(START.getTime() - newest('.lastIntuneSyncDateTimeUtc')).toBeLessThan(6 * HOUR);
    expect(START.getTime() - newest('.createdDateTime')).toBeLessThan(6 * HOUR);
    expect(START.getTime() - newest('.requestCreationTime')).toBeLessThan(48 * HOUR);
    for (const [key, value] of times) {
      // A next action may be planned ahead, as in a live tenant; nothing else may be.
      if (!key.endsWith('.nextActionTime')) expect([key, ms(value) <= START.getTime()]).toEqual([key, true]);
    }
  });

  it('another start time moves every time by the same amount: order and gaps are kept', async () => {
    const a = await timesOf(start);
    const b = await timesOf(later);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect(a.size).toBeGreaterThan(200);
    const shift = LATER.getTime() - START.getTime();
    const moved = [...a].filter(([key, value]) => ms(b.get(key)!) - ms(value) !== shift);
    expect(moved).toEqual([]);
  });

  it('the same start time gives the same data (deterministic)', async () => {
    expect([...(await timesOf(again))]).toEqual([...(await timesOf(start))]);
  });

  it('enrolment date and device age agree', async () => {
    const devices = (await start.api<Collection<Row>>(`${start.tenantPath}/devices?$top=500`)).body.value;
    const dated = devices.filter((d) => typeof d.enrolledIntoIntuneDateTimeUtc === 'string' && typeof d.ageInMonths === 'number');
    expect(dated.length).toBeGreaterThan(30);
    for (const d of dated) {
      const months = (START.getTime() - ms(d.enrolledIntoIntuneDateTimeUtc as string)) / (30.4375 * 86_400_000);
      expect(Math.abs(months - (d.ageInMonths as number))).toBeLessThan(0.01);
    }
  });
});
