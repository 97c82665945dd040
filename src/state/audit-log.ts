import { z } from 'zod';
import type { Storage } from '../storage/storage';
import { appendRecord } from '../storage/typed-store';

/** Where audit records live: `audit/<ISO time>/<sequence>-<uuid>`, so a listing is in write order. */
const AUDIT_PREFIX = 'audit';

/**
 * Every kind of change the bot (or the tab) records. Append-only: a new kind is added here,
 * never renamed, so older records keep parsing.
 */
const AUDIT_ACTIONS = [
  'ticket.create',
  'ticket.note',
  'elevation.create',
  'elevation.close',
  'elevation.reveal',
  'incident.create',
  'incident.update',
  'event.report',
  'subscription.add',
  'subscription.remove',
  'subscription.change',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = [
  // Changes: the API accepted it.
  'done',
  // Reveals of elevation details.
  'revealed',
  // Read from the service, but ready too late to be the button's answer: never shown.
  'not_shown_late',
  'denied',
  'check_failed',
  'not_personal',
  'no_open_elevation',
  'device_not_found',
  'failed',
] as const;

export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

const AUDIT_TARGET_KINDS = ['ticket', 'device', 'elevation', 'incident', 'event', 'conversation'] as const;
export type AuditTargetKind = (typeof AUDIT_TARGET_KINDS)[number];

const auditRecordSchema = z.object({
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  outcome: z.enum(AUDIT_OUTCOMES),
  /** What was changed; reveals written before targets existed have only deviceName. */
  target: z.object({ kind: z.enum(AUDIT_TARGET_KINDS), id: z.string().max(256) }).optional(),
  /** The device concerned: a reveal's, an elevation request's (the device filter looks here too). */
  deviceName: z.string().optional(),
  /** Reveals: the open request whose details were shown. */
  elevationRequestId: z.string().optional(),
  /** A short plain-text note on the change (a ticket's title, a subscription's new setting). Never user-written bodies. */
  detail: z.string().max(200).optional(),
  user: z.object({
    id: z.string(),
    aadObjectId: z.string().optional(),
    upn: z.string().optional(),
    name: z.string().optional(),
  }),
  conversation: z.object({ id: z.string(), kind: z.string() }),
  correlationId: z.string(),
});

/** One change (or reveal attempt): who, what, which target, when, where, and how it ended. Never a password or a note's text. */
export type AuditRecord = z.output<typeof auditRecordSchema>;

/** What a record is about: its target, or the device of an older reveal record. */
export function auditTarget(record: AuditRecord): { kind: AuditTargetKind; id: string } | undefined {
  if (record.target) return record.target;
  return record.deviceName !== undefined ? { kind: 'device', id: record.deviceName } : undefined;
}

/** Writes one record (create-only, never updated). A failure throws: a reveal must not happen without it. */
export async function writeAudit(storage: Storage, record: AuditRecord): Promise<void> {
  await appendRecord(storage, AUDIT_PREFIX, auditRecordSchema.parse(record), new Date(record.at));
}

export interface AuditQuery {
  /** UPN (or display name, or object id), case-insensitive, exact. */
  user?: string;
  /** Any of these actions. */
  actions?: readonly AuditAction[];
  target?: { kind: AuditTargetKind; id: string };
  /** Records at or after this time. */
  since?: Date;
  /** Paging: records strictly older than this key (the `next` of the previous page). */
  before?: string;
  limit: number;
}

export interface AuditPage {
  /** Newest first. */
  records: AuditRecord[];
  /** The cursor of the next (older) page, when there is one. */
  next?: string;
}

/** Records scanned at most per query: the log grows without bound, a query must not. */
const AUDIT_SCAN_LIMIT = 5000;

const same = (a: string | undefined, b: string): boolean => a !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

function matches(record: AuditRecord, query: AuditQuery): boolean {
  if (query.user !== undefined) {
    const { user } = record;
    if (!same(user.upn, query.user) && !same(user.name, query.user) && !same(user.aadObjectId, query.user)) return false;
  }
  if (query.actions && !query.actions.includes(record.action)) return false;
  if (query.target) {
    const target = auditTarget(record);
    const onTarget = target !== undefined && target.kind === query.target.kind && same(target.id, query.target.id);
    const onDevice = query.target.kind === 'device' && same(record.deviceName, query.target.id);
    if (!onTarget && !onDevice) return false;
  }
  return true;
}

/**
 * The newest records matching the query, newest first, `limit` per page. Keys sort by time, so
 * `since` and `before` cut the key list before any record is read; at most AUDIT_SCAN_LIMIT
 * records are read per query. Records that do not parse are skipped.
 */
export async function queryAudit(storage: Storage, query: AuditQuery): Promise<AuditPage> {
  const from = query.since ? `${AUDIT_PREFIX}/${query.since.toISOString()}` : '';
  const keys = (await storage.list(`${AUDIT_PREFIX}/`))
    .filter((key) => key >= from && (query.before === undefined || key < query.before))
    .reverse()
    .slice(0, AUDIT_SCAN_LIMIT);
  const records: AuditRecord[] = [];
  let last: string | undefined;
  for (const key of keys) {
    const item = await storage.get<unknown>(key);
    const parsed = auditRecordSchema.safeParse(item?.value);
    if (!parsed.success || !matches(parsed.data, query)) continue;
    if (records.length === query.limit) return { records, next: last };
    records.push(parsed.data);
    last = key;
  }
  return { records };
}

/** The `limit` most recent records, newest first. */
export async function recentAudit(storage: Storage, limit: number): Promise<AuditRecord[]> {
  return (await queryAudit(storage, { limit })).records;
}

/**
 * The words `audit action <word>` accepts: an action's own name (`ticket.note`) or a plain word
 * for a group of them.
 */
const ACTION_WORDS: Readonly<Record<string, readonly AuditAction[]>> = {
  note: ['ticket.note'],
  notes: ['ticket.note'],
  ticket: ['ticket.create'],
  tickets: ['ticket.create'],
  elevation: ['elevation.create', 'elevation.close'],
  elevations: ['elevation.create', 'elevation.close'],
  close: ['elevation.close'],
  reveal: ['elevation.reveal'],
  reveals: ['elevation.reveal'],
  incident: ['incident.create', 'incident.update'],
  incidents: ['incident.create', 'incident.update'],
  event: ['event.report'],
  events: ['event.report'],
  subscription: ['subscription.add', 'subscription.remove', 'subscription.change'],
  subscriptions: ['subscription.add', 'subscription.remove', 'subscription.change'],
};

/** The actions a filter word names, or undefined when it names none. */
export function auditActionsFor(word: string): readonly AuditAction[] | undefined {
  const lower = word.trim().toLowerCase();
  const exact = AUDIT_ACTIONS.find((a) => a === lower);
  return exact ? [exact] : ACTION_WORDS[lower];
}

/** The words shown when a filter word is not known. */
export const AUDIT_ACTION_HELP = 'note, ticket, elevation, close, reveal, incident, event, subscription';
