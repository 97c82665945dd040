import { randomBytes } from 'node:crypto';

/**
 * A form's id: a version-7 UUID, so it carries when the form was issued (its first 48 bits are
 * the Unix time in ms) and the rest is random. The issue time lets a submit tell whether the
 * form is older than the storage that should hold its claim (see storage-epoch.ts).
 */
export function newFormId(at: Date): string {
  const bytes = randomBytes(16);
  const ms = BigInt(Math.max(0, Math.floor(at.getTime())));
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** When a version-7 formId was issued; undefined for other ids (older versions issued v4). */
export function formIssuedAt(formId: string): Date | undefined {
  const m = /^([0-9a-f]{8})-([0-9a-f]{4})-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.exec(formId);
  if (!m) return undefined;
  return new Date(parseInt(`${m[1]}${m[2]}`, 16));
}
