/**
 * Who may do what. Every use case (src/bot/use-cases.ts) names the role it needs; every front
 * end refuses a user without it before the handler runs.
 * - reader: look things up, subscribe to a ticket. Everyone who may use the bot.
 * - operator: change things at Microsoft (tickets, notes, elevation requests, incidents, events).
 * - elevation-admin: elevation details (local admin passwords), close elevation requests.
 * - bot-admin: the bot's own administration: the audit log, `subscribe all`.
 * The two admin roles are granted apart (ELEVATION_ADMINS, BOT_ADMINS): running the bot does not
 * show passwords, and holding passwords does not read everyone's audit. Either admin may also do
 * what an operator does.
 */
export const ROLES = ['reader', 'operator', 'elevation-admin', 'bot-admin'] as const;
export type Role = (typeof ROLES)[number];

/** The two roles granted by an admin list or group (ELEVATION_ADMINS, BOT_ADMINS). */
export type AdminRole = Extract<Role, `${string}-admin`>;

/** DEFAULT_ROLE's values: what everyone not listed holds; `admin` is every role (sandbox). */
export const DEFAULT_ROLES = ['reader', 'operator', 'admin'] as const;
export type DefaultRole = (typeof DEFAULT_ROLES)[number];

/** The roles one user holds (always reader). */
export type Grants = ReadonlySet<Role>;

export function roleAllows(have: Grants, need: Role): boolean {
  return have.has(need);
}

/** A user's roles from what the checks found; either admin role brings the operator's. */
export function grantsOf(found: { operator: boolean; elevationAdmin: boolean; botAdmin: boolean }): Grants {
  const roles = new Set<Role>(['reader']);
  if (found.operator || found.elevationAdmin || found.botAdmin) roles.add('operator');
  if (found.elevationAdmin) roles.add('elevation-admin');
  if (found.botAdmin) roles.add('bot-admin');
  return roles;
}

/** Every role: DEFAULT_ROLE=admin. */
export const ALL_ROLES: Grants = new Set(ROLES);

/** The roles in words, for refusals and logs: "reader", "operator", "elevation-admin and bot-admin". */
export function describeGrants(have: Grants): string {
  const admins = ROLES.filter((r) => r.endsWith('-admin') && have.has(r));
  if (admins.length) return admins.join(' and ');
  return have.has('operator') ? 'operator' : 'reader';
}
