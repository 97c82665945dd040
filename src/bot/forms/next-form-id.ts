import { createHash } from 'node:crypto';

/**
 * The formId of the card that replaces a submitted one (the incident card after an update or a
 * create), derived from the submitted formId: a replayed submit then answers with exactly the
 * same card, and the next change on it is a new submit.
 */
export function nextFormId(formId: string): string {
  const hex = createHash('sha256').update(`next:${formId}`).digest('hex');
  // Shaped as a version-4 UUID so the verb schemas (z.uuid()) accept it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16] as string, 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
