import { z } from 'zod';
import type { Storage } from '../storage/storage';
import { appendRecord } from '../storage/typed-store';

/** Where audit records live: `audit/<ISO time>/<uuid>`, so a listing is in time order. */
export const AUDIT_PREFIX = 'audit';

export const AUDIT_OUTCOMES = [
  'revealed',
  'denied',
  'check_failed',
  'not_personal',
  'no_open_elevation',
  'device_not_found',
  'failed',
] as const;

export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

const auditRecordSchema = z.object({
  at: z.string(),
  action: z.literal('elevation.reveal'),
  outcome: z.enum(AUDIT_OUTCOMES),
  deviceName: z.string(),
  elevationRequestId: z.string().optional(),
  user: z.object({
    id: z.string(),
    aadObjectId: z.string().optional(),
    upn: z.string().optional(),
    name: z.string().optional(),
  }),
  conversation: z.object({ id: z.string(), kind: z.string() }),
  correlationId: z.string(),
});

/** One reveal attempt of elevation details: who, when, which device, where, and how it ended. Never the password. */
export type AuditRecord = z.output<typeof auditRecordSchema>;

/** Writes one record (create-only). A failure throws: callers must not reveal without it. */
export async function writeAudit(storage: Storage, record: AuditRecord): Promise<void> {
  await appendRecord(storage, AUDIT_PREFIX, auditRecordSchema.parse(record), new Date(record.at));
}

/** The `limit` most recent records, newest first. Records that do not parse are skipped. */
export async function recentAudit(storage: Storage, limit: number): Promise<AuditRecord[]> {
  const keys = (await storage.list(`${AUDIT_PREFIX}/`)).slice(-limit).reverse();
  const records: AuditRecord[] = [];
  for (const key of keys) {
    const item = await storage.get<unknown>(key);
    const parsed = auditRecordSchema.safeParse(item?.value);
    if (parsed.success) records.push(parsed.data);
  }
  return records;
}
