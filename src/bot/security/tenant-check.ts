/** The one polite refusal a user of another tenant gets; it says nothing about the data. */
export const OTHER_TENANT =
  'Sorry, MMD Assist serves one organization only, and your account belongs to another one. Nothing was looked up or changed.';

/**
 * May a user of `tenantId` use the bot? `any`: no check (sandbox default). A turn without a
 * tenant fails closed when a list is set (Teams always sends one).
 */
export function tenantAllowed(allowed: readonly string[] | 'any', tenantId: string | undefined): boolean {
  if (allowed === 'any') return true;
  if (!tenantId) return false;
  return allowed.includes(tenantId.trim().toLowerCase());
}
