/**
 * Patterns shared by the card (`regex`, run by the Teams client in JavaScript) and the server
 * (`new RegExp`). Anchored, because the client tests them without anchoring; plain syntax only,
 * so both engines read them the same way.
 */

/** Something@domain.tld, no spaces: a plausibility check, the service does the rest. */
export const EMAIL_PATTERN = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';

/** Digits with the usual separators, an optional leading +. */
export const PHONE_PATTERN = '^\\+?[0-9][0-9 ().\\/-]{2,30}$';

/** Windows device names: letters, digits, dot, underscore and hyphen. */
export const DEVICE_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';

/** MMD ticket ids such as MMD-1465058-R5V8P, as form fields accept them (src/intents/ticket-id.ts). */
