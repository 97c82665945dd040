import { isTimeZone, parseQuietWindow } from '../../notify/quiet-hours';
import type { ConversationSettings, DigestMode } from '../../notify/conversation-settings';
import type { BotDeps } from '../deps';
import { recordChange } from '../audit-trail';
import { say, type Reply } from '../reply';
import type { Turn } from '../turn';
import { showSubscriptions } from './subscriptions';

const DIGEST: Record<string, DigestMode> = { hourly: 'hourly', daily: 'daily', off: 'off', none: 'off' };

/** The user's zone from this turn (Teams' localTimezone), else the offset of their local time. */
function zoneOf(turn: Turn): Pick<ConversationSettings, 'timeZone' | 'utcOffsetMinutes'> {
  if (turn.localTimezone && isTimeZone(turn.localTimezone)) return { timeZone: turn.localTimezone };
  return { utcOffsetMinutes: turn.utcOffsetMinutes };
}

/** A conversation's notification setting changed: who set what, for the audit. */
async function recordSetting(turn: Turn, deps: BotDeps, detail: string): Promise<void> {
  await recordChange(turn, deps, { action: 'subscription.change', target: { kind: 'conversation', id: turn.conversationId }, detail });
}

/**
 * `notify digest hourly|daily|off` and `notify quiet HH:MM-HH:MM|off`: per conversation. Held
 * updates go out as one digest card when the window opens (or on the hour / at 09:00).
 */
export async function notifySetting(
  turn: Turn,
  intent: { setting: 'digest' | 'quiet' | 'show'; value: string },
  deps: BotDeps,
): Promise<Reply> {
  const { settings } = deps.notify;
  if (intent.setting === 'show') return showSubscriptions(turn, {}, deps);
  const current = await settings.get(turn.conversationId);
  const value = intent.value.trim().toLowerCase();
  if (intent.setting === 'digest') {
    const mode = DIGEST[value];
    if (!mode) {
      return say(
        'Try ',
        { command: 'notify digest hourly' },
        ', ',
        { command: 'notify digest daily' },
        ' or ',
        { command: 'notify digest off' },
        '. Nothing was changed.',
      );
    }
    await settings.set(turn.conversationId, { ...current, ...zoneOf(turn), digest: mode });
    await recordSetting(turn, deps, `digest ${mode}`);
    return say(
      mode === 'off'
        ? 'Updates in this conversation go out as they happen again (outside quiet hours).'
        : `Updates in this conversation are collected and sent as one ${mode} digest${mode === 'daily' ? ' at 09:00 your time' : ''}.`,
    );
  }
  if (value === 'off') {
    const { quiet: _quiet, ...rest } = current;
    await settings.set(turn.conversationId, rest);
    await recordSetting(turn, deps, 'quiet hours off');
    return say('Quiet hours are off: updates go out as they happen.');
  }
  const window = parseQuietWindow(value);
  if (!window)
    return say(
      'Quiet hours are two times, e.g. ',
      { command: 'notify quiet 20:00-08:00' },
      ', or ',
      { command: 'notify quiet off' },
      '. Nothing was changed.',
    );
  const zone = zoneOf(turn);
  await settings.set(turn.conversationId, { ...current, ...zone, quiet: window });
  await recordSetting(turn, deps, `quiet hours ${window.start}-${window.end}${zone.timeZone ? ` (${zone.timeZone})` : ''}`);
  return say(
    `Quiet hours ${window.start}-${window.end} (`,
    zone.timeZone ? { value: zone.timeZone } : 'your local time',
    '): updates in that window are held and arrive as one digest when it ends.',
  );
}
