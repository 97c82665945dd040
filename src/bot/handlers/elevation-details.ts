import { elevationHiddenCard, elevationNoneCard, elevationRedactedCard, elevationRevealedCard } from '../../cards/elevation-details-card';
import { notFoundCard } from '../../cards/not-found-card';
import type { AdaptiveCard } from '../../cards/render';
import type { BotDeps } from '../deps';
import { card, text, type Reply } from '../reply';
import type { AdminDecision } from '../security/admin-check';
import { writeAudit, type AuditOutcome, type AuditRecord } from '../../state/audit-log';
import { isRevealableCard, rememberRevealableCard } from '../../state/revealable-cards';
import { answerPrivately, refusal } from '../security/security-replies';
import { memberIdentity } from '../security/member-identity';
import type { Turn } from '../turn';
import { nowFor } from '../viewer-now';

/*
 * A device's elevation details hold the local administrator password. The rules: admins only
 * (checked before anything is fetched), shown only in a 1:1 chat, hidden until Reveal, hidden
 * again after config.elevation.revealSeconds, every reveal audited, the password never logged,
 * stored or sent anywhere but the one invoke response.
 */

/** `elevation <device>`: the hidden card, here in a 1:1 chat, else sent privately. */
export async function showElevationDetails(turn: Turn, query: { deviceName: string }, deps: BotDeps): Promise<Reply> {
  const { security } = deps;
  const decision = await security.admins.check(turn);
  if (!decision.allowed) return refusal(decision, turn, deps.config.mode);
  const deviceName = query.deviceName.trim();
  const body = await firstCard(turn, deviceName, deps);
  // Sent as a message of its own, so the bot knows (and records) the id of the message a
  // later reveal may show the password in and the redaction will overwrite.
  const remember = async (sent: { conversationId: string; activityId?: string }) => {
    if (sent.activityId) await rememberRevealableCard(deps.storage, { ...sent, activityId: sent.activityId, deviceName }, deps.now());
    else turn.log.warn('Teams gave no id for the elevation card: it cannot be revealed');
  };
  if (turn.conversation !== 'personal') return answerPrivately(turn, body, 'the elevation details', remember);
  const activityId = await turn.sendCard(body);
  await remember({ conversationId: turn.conversationId, activityId });
  // From a button (the `command` verb): the card it was on stays as it is.
  return turn.kind === 'invoke' ? { kind: 'done', text: `The elevation details of ${deviceName} are in a new message.` } : { kind: 'done' };
}

/** Reveal (Action.Execute in a 1:1 chat): the user-specific revealed card, redaction scheduled. */
export async function revealElevationDetails(turn: Turn, query: { deviceName: string }, deps: BotDeps): Promise<Reply> {
  const { security } = deps;
  const deviceName = query.deviceName.trim();
  const decision = await security.admins.check(turn);
  const audit = (outcome: AuditOutcome, elevationRequestId?: string) =>
    writeAudit(deps.storage, auditRecord(turn, decision, deviceName, outcome, deps.now(), elevationRequestId));

  if (!decision.allowed) {
    await audit(decision.reason === 'check_failed' ? 'check_failed' : 'denied');
    return refusal(decision, turn, deps.config.mode);
  }
  if (turn.conversation !== 'personal') {
    await audit('not_personal');
    return text(`For safety I only reveal passwords in our 1:1 chat. Send me "elevation ${deviceName}" there.`);
  }
  // The card to hide later is the one the button was on, and only if the bot sent it for this
  // device (replyToId is the sender's word); otherwise nothing is revealed.
  const activityId = turn.replyToId;
  const reference = turn.reference();
  const ours = activityId !== undefined && (await isRevealableCard(deps.storage, turn.conversationId, activityId, deviceName));
  if (!activityId || !reference || !ours) {
    await audit('failed');
    turn.log.warn({ hasReplyToId: Boolean(activityId), ours }, 'reveal without a card of ours to hide later');
    return text(
      `I could not tell which card to hide again later, so I did not reveal anything. Send me "elevation ${deviceName}" for a new card.`,
    );
  }

  try {
    const details = await deps.mmd.devices.elevationDetails(deviceName, { signal: turn.signal });
    if (!details) {
      const none = await noDetails(deviceName, deps, turn.signal);
      await audit(none.outcome);
      return replaceCard(turn, none.card, deps, deviceName);
    }
    // Persisted and audited before the password leaves: if either fails, nothing is shown.
    const hideAt = await security.redactions.schedule({ reference, activityId, deviceName });
    await audit('revealed', details.openedElevationRequestId ?? undefined);
    turn.log.info({ deviceName, hideAt: hideAt.toISOString() }, 'elevation details revealed');
    const revealed = await replaceCard(
      turn,
      elevationRevealedCard({ deviceName, details, userId: turn.user.id, hideAt, now: nowFor(turn, deps) }),
      deps,
      deviceName,
    );
    if (revealed.kind !== 'card') return revealed;
    // Too late to be the button's answer, the password is never shown: the audit says so.
    return { ...revealed, inPlaceOnly: true, discarded: () => audit('not_shown_late', details.openedElevationRequestId ?? undefined) };
  } catch (err) {
    await audit('failed').catch((auditErr: unknown) => turn.log.error({ err: auditErr }, 'audit write failed'));
    throw err;
  }
}

/** A reveal refused by dispatch for the sender's role: audited like the handler's own refusal. */
export async function auditRefusedReveal(turn: Turn, query: { deviceName: string }, deps: BotDeps, checkFailed: boolean): Promise<void> {
  const who = await memberIdentity(turn);
  const decision: AdminDecision = { allowed: false, reason: checkFailed ? 'check_failed' : 'not_admin', ...who };
  await writeAudit(deps.storage, auditRecord(turn, decision, query.deviceName.trim(), checkFailed ? 'check_failed' : 'denied', deps.now()));
}

/** Hide now, and the refresh of every viewer but the revealer: the redacted card. No secret, no check. */
export async function hideElevationDetails(turn: Turn, query: { deviceName: string }, deps: BotDeps): Promise<Reply> {
  const deviceName = query.deviceName.trim();
  return replaceCard(turn, elevationRedactedCard({ deviceName }), deps, deviceName);
}

/** Hidden card when a request is open; otherwise why there are no details. */
async function firstCard(turn: Turn, deviceName: string, deps: BotDeps): Promise<AdaptiveCard> {
  const signal = turn.signal;
  const page = await deps.mmd.elevations.list({ deviceName, open: true, top: 1 }, { signal });
  const request = page.items[0];
  if (request) {
    return elevationHiddenCard({ deviceName, request, revealSeconds: deps.config.elevation.revealSeconds, now: nowFor(turn, deps) });
  }
  return (await noDetails(deviceName, deps, signal)).card;
}

/** The service answers 404 both for an unknown device and for one without an open request. */
async function noDetails(deviceName: string, deps: BotDeps, signal: AbortSignal): Promise<{ outcome: AuditOutcome; card: AdaptiveCard }> {
  const device = await deps.mmd.devices.get(deviceName, { signal });
  return device
    ? { outcome: 'no_open_elevation', card: elevationNoneCard({ deviceName }) }
    : { outcome: 'device_not_found', card: notFoundCard({ what: 'device', key: deviceName }) };
}

/**
 * Action.Execute: the card is the invoke response. Action.Submit (older clients) arrives as a
 * message; the card it came from is updated in place, but only a card the bot itself sent for
 * this device: a forged replyToId gets a new message, never an overwritten one.
 */
async function replaceCard(turn: Turn, body: AdaptiveCard, deps: BotDeps, deviceName: string): Promise<Reply> {
  if (turn.kind === 'invoke' || !turn.replyToId) return card(body);
  if (!(await isRevealableCard(deps.storage, turn.conversationId, turn.replyToId, deviceName))) return card(body);
  await turn.updateCard(turn.replyToId, body);
  return { kind: 'done' };
}

function auditRecord(
  turn: Turn,
  decision: AdminDecision,
  deviceName: string,
  outcome: AuditOutcome,
  at: Date,
  elevationRequestId?: string,
): AuditRecord {
  return {
    at: at.toISOString(),
    action: 'elevation.reveal',
    outcome,
    target: { kind: 'device', id: deviceName },
    deviceName,
    elevationRequestId,
    user: {
      id: turn.user.id,
      aadObjectId: decision.aadObjectId ?? turn.user.aadObjectId,
      upn: decision.upn,
      name: turn.user.name,
    },
    conversation: { id: turn.conversationId, kind: turn.conversation },
    correlationId: turn.correlationId,
  };
}
