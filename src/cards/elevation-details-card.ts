import type { Now } from './local-time';
import type { ElevationDetails, ElevationRequest } from '../mmd/types';
import { execute, executeIfValid, type ExecuteAction } from './card-action';
import { facts } from './card-parts';
import { valueLabel } from '../protocol/labels';
import { plain, plainShort, words } from './escape';
import { dateTime, exactTime } from './format';
import { requesterOf } from '../protocol/attribution';
import { renderCard, type AdaptiveCard } from './render';

/*
 * The elevation details of a device in three states. Hidden (what is sent first, also privately
 * from a group): no password, no account details, a Reveal button. Revealed (only ever an
 * invoke response in a personal chat): the password in a TextRun, set by code after templating
 * so it is never template text, and a refresh for that one user. Redacted: the hidden card again
 * once the reveal time is over.
 */

const title = (deviceName: string) => `Elevation details: ${plainShort(deviceName, 80, '(no name)')}`;

function minutes(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const m = Math.round(seconds / 60);
  return `${m} minute${m === 1 ? '' : 's'}`;
}

function reveal(deviceName: string): ExecuteAction[] {
  const action = executeIfValid('Reveal password', 'elevation.reveal', { deviceName });
  return action ? [action] : [];
}

export interface HiddenInput {
  deviceName: string;
  /** The open elevation request, when known: its non-secret metadata is shown. */
  request?: ElevationRequest | null;
  revealSeconds: number;
  now: Now;
}

/** The first card: which device and request, that the password is hidden, and the Reveal button. */
export function elevationHiddenCard({ deviceName, request, revealSeconds, now }: HiddenInput): AdaptiveCard {
  return renderCard('elevation-details-hidden', {
    title: words(title(deviceName)),
    facts: request
      ? facts(
          [
            ['Request', plainShort(request.title, 120)],
            ['Requested by', plain(requesterOf(request.requestingAgentUpn, request.planOfAction))],
            ['Opened', dateTime(request.requestCreationTime, now)],
            ['Request ID', plain(request.id)],
          ],
          true,
        )
      : [],
    headline: 'The local administrator password is hidden.',
    note: `Reveal shows it to you only, here in our 1:1 chat, for ${minutes(revealSeconds)}. Every reveal is recorded in the audit log.`,
    actions: reveal(deviceName),
  });
}

/** What replaces the revealed card: hidden again, with a way to reveal once more. */
export function elevationRedactedCard({ deviceName }: { deviceName: string }): AdaptiveCard {
  return renderCard('elevation-details-hidden', {
    title: words(title(deviceName)),
    facts: [],
    headline: 'The password was hidden again.',
    note: 'Reveal it again if you still need it; every reveal is recorded in the audit log.',
    actions: reveal(deviceName),
  });
}

export interface RevealedInput {
  deviceName: string;
  details: ElevationDetails;
  /** The Teams user id (29:...) who revealed it: only they get this view (refresh.userIds). */
  userId: string;
  hideAt: Date;
  now: Now;
}

/**
 * The revealed card, user-specific: `refresh` names the one user, so every other viewer's client
 * asks for (and gets) the redacted view. Never log or store what this returns.
 */
export function elevationRevealedCard({ deviceName, details, userId, hideAt, now }: RevealedInput): AdaptiveCard {
  const hide = execute('Hide now', 'elevation.hide', { deviceName });
  const card = renderCard('elevation-details-revealed', {
    title: words(title(deviceName)),
    facts: facts(
      [
        ['Account', plain(details.accountUpn)],
        ['Status', plain(valueLabel(details.status))],
        ['Password last updated', dateTime(details.passwordLastUpdated, now)],
        ['Request ID', plain(details.openedElevationRequestId)],
      ],
      true,
    ),
    note: `Shown to you only. It will be hidden again at ${exactTime(hideAt.toISOString(), now)}. This reveal is recorded in the audit log.`,
    refresh: { action: hide, userIds: [userId] },
    actions: [hide],
  });
  const password = details.password;
  setInlines(
    card,
    'password',
    password
      ? [{ type: 'TextRun', text: password, fontType: 'Monospace', size: 'Large', weight: 'Bolder' }]
      : [{ type: 'TextRun', text: `Not available (status: ${valueLabel(details.status, 'unknown')}).`, italic: true }],
  );
  return card;
}

/** No open elevation request: say so and offer to request one. */
export function elevationNoneCard({ deviceName }: { deviceName: string }): AdaptiveCard {
  const name = deviceName.trim();
  return renderCard('elevation-details-none', {
    headline: `${plainShort(name, 80, '(no name)')} has no open elevation request.`,
    hint: 'The local administrator password is only available while an elevation request is open for the device.',
    actions: [
      // No 'from': this card has no verb of its own to come back to, so the form's Cancel says "Cancelled".
      executeIfValid('Request elevation', 'elevation.requestForm', { deviceName: name }),
      executeIfValid('Elevation requests', 'elevations.page', { deviceName: name, skip: 0 }),
    ].filter((a): a is ExecuteAction => a !== null),
  });
}

/** Puts inlines into the RichTextBlock with `id`: secrets go in by code, never through a template. */
function setInlines(card: AdaptiveCard, id: string, inlines: Array<Record<string, unknown>>): void {
  const body = card.body;
  if (!Array.isArray(body)) throw new Error('card has no body');
  const block = body.find((el): el is Record<string, unknown> => !!el && typeof el === 'object' && (el as { id?: unknown }).id === id);
  if (!block) throw new Error(`card has no element ${id}`);
  block.inlines = inlines;
}
