/**
 * Who may do what. Every route in the routing table (src/bot/routes.ts) names the least role it
 * needs; dispatch refuses anyone below it before the handler runs.
 * - reader: look things up, subscribe to a ticket.
 * - operator: change things at Microsoft (tickets, notes, elevation requests, incidents, events).
 * - admin: elevation details (local admin passwords), close elevation, subscribe all, audit.
 */
export const ROLES = ['reader', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { reader: 0, operator: 1, admin: 2 };

export function roleAllows(have: Role, need: Role): boolean {
  return RANK[have] >= RANK[need];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
