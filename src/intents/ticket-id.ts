/*
 * The ticket id rules, in one place. There are two on purpose, and the tests hold both:
 * - in a chat message an id must be told apart from device names and other words, so it must
 *   have the documented shape (`MMD-1465058-R5V8P`; test/intents: `MMD-00001` is a device);
 * - a form field (a typed or chosen ticket id) only has to be something the service could
 *   hold: the service is the judge of whether the ticket exists (test/cards: `MMD-1` is offered,
 *   an id with spaces is not).
 */

/** `MMD-1465058-R5V8P`: a short letter prefix, a long number, a short code. */
export const TICKET_ID_PATTERN = /^[A-Z]{2,5}-\d{5,12}-[A-Z0-9]{4,10}$/i;

/**
 * A ticket id as a form field accepts it: letters, digits, dot, underscore and hyphen. Text, so
 * the card's `regex` (run by the Teams client) and the server's `new RegExp` read the same rule.
 */
export const TICKET_ID_FIELD_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';

/**
 * A ticket id or its start as someone types it to find the ticket: `MMD-1465058`, `1465058`,
 * `MMD-1465058-R5`. The long number is what tells it from a word (at least 5 digits).
 */
const TICKET_ID_FRAGMENT_PATTERN = /^(?:[A-Z]{2,5}-)?\d{5,12}(?:-[A-Z0-9]{0,10})?$/i;

export function isTicketIdFragment(text: string): boolean {
  return TICKET_ID_FRAGMENT_PATTERN.test(text.trim());
}
