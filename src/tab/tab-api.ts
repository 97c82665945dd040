/**
 * The tab's JSON API as plain handlers over the MMD client. Each validates its input, calls MMD
 * with the request's client (the app's or the user's) and answers rows from views.ts.
 */
import { z } from 'zod';
import { paginate } from '../http/paging';
import type { Device, Ticket } from '../mmd/types';
import { attribute, tooLongWithAttribution } from '../protocol/attribution';
import { checkClose, CLOSE_FIELDS } from '../protocol/elevation-rules';
import { checkNote, NOTE_FIELDS, plainToHtml } from '../protocol/note-rules';
import { describeGrants, roleAllows } from '../config/roles';
import { roleOf } from '../bot/use-cases';
import { TabError } from './tab-error';
import { ok, type TabHandler, type TabRequest } from './tab-request';
import {
  countBy,
  shownSlices,
  deviceRow,
  type DeviceRow,
  elevationRow,
  failingConfigurations,
  noteRow,
  OPEN_TICKET_STATES,
  ticketDetail,
  ticketRow,
} from './views';

/** A walk for counts stops here: the dashboard shows totals of up to this many records. */
const MAX_COUNTED = 2000;
const PAGE = 100;
const SEVERITY_ORDER = ['Critical', 'High', 'Moderate', 'Low'];
const TICKET_ID = /^[A-Za-z0-9-]{1,64}$/;
const ELEVATION_ID = /^[A-Za-z0-9-]{1,64}$/;

async function collect<T>(items: AsyncGenerator<T>, max = MAX_COUNTED): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
    if (out.length >= max) break;
  }
  return out;
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new TabError(400, 'bad_request', `${what}: ${result.error.issues[0]?.message ?? 'not valid'}`);
  return result.data;
}

function param(req: TabRequest, name: string, pattern: RegExp): string {
  const value = req.params[name] ?? '';
  if (!pattern.test(value)) throw new TabError(400, 'bad_request', `The ${name} is not valid.`);
  return value;
}

const searchText = (req: TabRequest): string | undefined => {
  const q = (req.query.get('q') ?? '').trim();
  if (q.length > 100) throw new TabError(400, 'bad_request', 'The search text is longer than 100 characters.');
  return q || undefined;
};

/** Who is signed in, their role, and which changes the page may offer them (the same policy as chat). */
export const me: TabHandler = async (req) =>
  ok({
    name: req.user.name,
    upn: req.user.upn,
    role: describeGrants(req.roles),
    roles: [...req.roles],
    may: { addNote: roleAllows(req.roles, roleOf('ticket.note')), closeElevation: roleAllows(req.roles, roleOf('elevation.close')) },
  });

export const summary: TabHandler = async (req) => {
  const [tickets, devices, openElevations] = await Promise.all([
    collect<Ticket>(paginate((q) => req.mmd.tickets.list(q), { top: PAGE })),
    collect<Device>(paginate((q) => req.mmd.devices.list(q), { top: PAGE })),
    collect(paginate((q) => req.mmd.elevations.list(q), { top: PAGE, open: true })),
  ]);
  const bySeverity = countBy(tickets, (t) => ticketRow(t).severityName).sort(
    (a, b) => rank(SEVERITY_ORDER, a.label) - rank(SEVERITY_ORDER, b.label),
  );
  return ok({
    tickets: {
      total: tickets.length,
      open: tickets.filter((t) => OPEN_TICKET_STATES.includes((t.state ?? '').toLowerCase())).length,
      byState: shownSlices(
        countBy(tickets, (t) => (t.state ?? 'unknown').toLowerCase()),
        'state',
      ).sort((a, b) => b.count - a.count),
      bySeverity: shownSlices(bySeverity, 'severity'),
    },
    devices: {
      total: devices.length,
      byCompliance: shownSlices(
        countBy(devices, (d) => d.complianceState ?? 'Unknown'),
        'compliance',
      ).sort((a, b) => b.count - a.count),
      byRing: countBy(devices, (d) => d.primaryUpdateRing ?? 'Unknown').sort(
        (a, b) => rank(['Test', 'First', 'Fast', 'Broad'], a.label) - rank(['Test', 'First', 'Fast', 'Broad'], b.label),
      ),
    },
    elevations: { open: openElevations.length },
  });
};

function rank(order: string[], label: string): number {
  const i = order.indexOf(label);
  return i < 0 ? order.length : i;
}

const ticketFilter = z.object({
  state: z.enum(['open', 'new', 'active', 'resolved', 'closed', 'all']).default('open'),
  severity: z.enum(['1', '2', '3', '4', '']).default(''),
});

export const listTickets: TabHandler = async (req) => {
  const filter = parse(
    ticketFilter,
    { state: req.query.get('state') || undefined, severity: req.query.get('severity') ?? '' },
    'Ticket filter',
  );
  const states = filter.state === 'open' ? OPEN_TICKET_STATES : filter.state === 'all' ? undefined : [filter.state];
  const page = await req.mmd.tickets.list({
    top: PAGE,
    states,
    severities: filter.severity ? [Number(filter.severity)] : undefined,
    titleContains: searchText(req),
  });
  return ok({ items: page.items.map(ticketRow), more: page.hasMore });
};

export const getTicket: TabHandler = async (req) => {
  const id = param(req, 'id', TICKET_ID);
  const [ticket, notes] = await Promise.all([req.mmd.tickets.get(id), req.mmd.tickets.notes(id).catch(() => null)]);
  if (!ticket) throw new TabError(404, 'not_found', `There is no ticket ${id}.`);
  return ok({ ticket: ticketDetail(ticket), notes: (notes ?? ticket.notes).map(noteRow) });
};

/** The body's fields for the protocol's field rules (the chat's forms use the same ones). */
function fields(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new TabError(400, 'bad_request', 'Send a JSON object.');
  return body as Record<string, unknown>;
}

/** The first field error in the chat form's words, as a 400. */
function refuseFields(errors: Record<string, string | undefined>): never {
  throw new TabError(400, 'bad_request', Object.values(errors).find(Boolean) ?? 'That is not valid.');
}

/** The text as written, or with the user named at the end (app context); 400 when both do not fit. */
function signed(req: TabRequest, text: string, max: number, what: string): string {
  if (!req.attribute) return text;
  const result = attribute(text, { name: req.user.name, upn: req.user.upn, aadObjectId: req.user.oid }, max);
  if (!result.ok) throw new TabError(400, 'bad_request', tooLongWithAttribution(what, result.room, text.length));
  return result.text;
}

export const addNote: TabHandler = async (req) => {
  const id = param(req, 'id', TICKET_ID);
  const check = checkNote(fields(req.body), new Date());
  if (!check.ok) refuseFields(check.errors);
  const note = signed(req, check.text, NOTE_FIELDS.text.maxLength, 'note');
  if (!(await req.mmd.tickets.get(id))) throw new TabError(404, 'not_found', `There is no ticket ${id}.`);
  await req.mmd.tickets.addNote(id, plainToHtml(note));
  await req.record({ action: 'ticket.note', target: { kind: 'ticket', id } });
  return ok({ notes: (await req.mmd.tickets.notes(id)).map(noteRow) }, 201);
};

export const searchDevices: TabHandler = async (req) => {
  const page = await req.mmd.devices.list({ top: 50, search: searchText(req) });
  return ok({ items: page.items.map(deviceRow), more: page.hasMore });
};

/** Devices looked at for failing configurations (each costs one GET), and how many at once. */
const MAX_CHECKED = 300;
const CONCURRENCY = 6;

/**
 * The device list carries no configurations (as the service documents it): each device's own
 * GET has them. Up to MAX_CHECKED devices, a few requests at a time, computed at most once per
 * tenant every FAILING_REFRESH_MS (the page says when), however many people click.
 */
export const failingDevices: TabHandler = async (req) => {
  const { value, computedAt } = await req.failing.get(req.user.tenantId, () => findFailing(req));
  return ok({ ...value, computedAt: computedAt.toISOString(), refreshMinutes: FAILING_REFRESH_MS / 60_000 });
};

/** How long the failing-devices view is kept per tenant (tab-setup.ts builds the shared view with it). */
export const FAILING_REFRESH_MS = 5 * 60_000;

async function findFailing(req: TabRequest): Promise<{ items: DeviceRow[]; checked: number }> {
  const devices = await collect<Device>(
    paginate((q) => req.mmd.devices.list(q), { top: PAGE }),
    MAX_CHECKED,
  );
  const detailed: Device[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < devices.length) {
      const device = devices[next++]!;
      // A record without a usable name cannot be fetched by name (the service has sent such).
      if (!device.name.trim()) continue;
      const full = await req.mmd.devices.get(device.name);
      if (full && failingConfigurations(full).length > 0) detailed.push(full);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  detailed.sort((a, b) => a.name.localeCompare(b.name));
  return { items: detailed.map(deviceRow), checked: devices.length };
}

export const listElevations: TabHandler = async (req) => {
  const page = await req.mmd.elevations.list({ top: PAGE, open: true });
  return ok({ items: page.items.map(elevationRow), more: page.hasMore });
};

export const closeElevation: TabHandler = async (req) => {
  const id = param(req, 'id', ELEVATION_ID);
  const check = checkClose(fields(req.body), new Date());
  if (!check.ok) refuseFields(check.errors);
  await req.mmd.elevations.close(id, signed(req, check.actionsTaken, CLOSE_FIELDS.actionsTaken.maxLength, 'text'));
  await req.record({ action: 'elevation.close', target: { kind: 'elevation', id } });
  return ok({ closed: id });
};
