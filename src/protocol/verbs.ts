import { z } from 'zod';
import { FORM_VERBS } from './form-verbs';
import { GRAPH_VERBS } from './graph-verbs';
import { backView, devicesPage, elevationsPage, formOrigin, ticketsFilter, ticketsPage, usersPage } from './views';

/**
 * Every card verb the bot accepts, with the schema of its data. Card data comes back from the
 * client and is untrusted: the bot parses it with these schemas before any handler sees it.
 * Cards send `Action.Execute` with `verb` and `data`; their `Action.Submit` fallback sends
 * `{ verb, ...data }` as the message value. Both arrive at the same handler.
 */
const text = (max: number) => z.string().trim().max(max);
const deviceName = text(64).min(1);
const ticketId = text(64).min(1);

export const VERBS = {
  /** Run a chat command, as if typed (help and welcome buttons). */
  /**
   * `keep`: the card the button is on stays as it is (help's Try buttons) and the answer comes as
   * a new message below it, so trying a command never loses the help card.
   */
  command: z.object({ text: text(200).min(1), keep: z.literal('help').optional() }),
  'devices.page': devicesPage,
  'device.open': z.object({ name: deviceName, back: backView.optional() }),
  'users.page': usersPage,
  'user.open': z.object({ upn: text(256).min(1), back: backView.optional() }),
  'tickets.page': ticketsPage,
  /** Filter choice sets on the ticket list: comma-separated values from Input.ChoiceSet. */
  'tickets.filter': ticketsFilter,
  // From the ticket list: `fromList` and the list's filter inputs (sent with the button, so no
  // row repeats them) make the Back button; 25 rows of full back data would pass 28 KB.
  'ticket.open': ticketsFilter.extend({ id: ticketId, back: backView.optional(), fromList: z.literal(true).optional() }),
  'ticket.notes': z.object({ id: ticketId }),
  /** `view`: the card the button sits on, answered in place with its new state (absent: a sentence). */
  'ticket.subscribe': z.object({ id: ticketId, view: z.enum(['ticket']).optional(), back: backView.optional() }),
  /**
   * Notification, ticket and subscriptions-card buttons. Only the ticket travels: the
   * conversation is the turn's, so a tampered button cannot unsubscribe another conversation.
   */
  'ticket.unsubscribe': z.object({ id: ticketId, view: z.enum(['ticket', 'subscriptions']).optional(), back: backView.optional() }),
  'elevations.page': elevationsPage,
  /** A row of the elevation list: the request by id (the API has no get, so a filtered list). */
  'elevation.open': z.object({ id: text(64).min(1), deviceName: text(64).optional(), back: backView.optional() }),
  // Buttons on the display cards that open a form. The forms issue owns these verbs and may
  // tighten their schemas; the display cards only send the data shown here.
  // `from`: the card the button sits on, where the form's Cancel goes back to (absent: a
  // "Cancelled" card).
  'ticket.newForm': z.object({ deviceName: text(64).optional(), from: formOrigin.optional() }),
  'ticket.addNoteForm': z.object({ id: ticketId, back: backView.optional() }),
  'elevation.requestForm': z.object({ deviceName: text(64).optional(), from: formOrigin.optional() }),
  // deviceName (optional) lets the form name the device and show the request after closing.
  'elevation.closeForm': z.object({ id: text(64).min(1), deviceName: text(64).optional(), from: formOrigin.optional() }),
  /** Cancel on a form opened where there is no card to go back to (a typed command): nothing is sent. */
  'form.cancel': z.object({ changed: z.literal(true).optional() }),
  'elevation.reveal': z.object({ deviceName }),
  /** Hide now, and the refresh action of the revealed card: every viewer but the revealer gets the redacted view. */
  'elevation.hide': z.object({ deviceName }),
  /** The audit log's Older/Newest buttons: the filters again, and the key the older page starts before. */
  'audit.page': z.object({
    user: text(256).optional(),
    action: text(64).optional(),
    ticket: text(64).optional(),
    device: text(64).optional(),
    since: text(10)
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    before: text(200)
      .regex(/^audit\/[0-9TZ:.\-]+\/(?:[0-9a-z]{6}-)?[0-9a-f-]{36}$/) // records before the sequence had none
      .optional(),
  }),
  /** MMD_AUTH=user: "Sign in again" on the sign-in help card (forgets the user's token, sends a new sign-in card). */
  'signIn.start': z.object({}),
  // Form submits: ticket.create, ticket.addNote, elevation.create, elevation.close.
  ...FORM_VERBS,
  // Security incidents and enrollment troubleshooting events (Microsoft Graph).
  ...GRAPH_VERBS,
} as const;

export type Verb = keyof typeof VERBS;
export type VerbData<V extends Verb> = z.output<(typeof VERBS)[V]>;

export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(VERBS, value);
}
