import type { Now } from './local-time';
import type { TicketChange, WatchedField } from '../protocol/ticket-change';
import { noteText } from './note-rows';
import { plain, plainShort, words, type Plain } from './escape';
import { dateTime, severityName, ticketStateLabel } from './format';

/** One line of "what changed": label, old → new; or a new note. */
export interface ChangeRow {
  label: Plain;
  text: Plain;
}

const LABELS: Record<WatchedField, string> = {
  state: 'State',
  severity: 'Severity',
  nextActionOwner: 'Next action owner',
  nextActionTime: 'Next action time',
  resolvedDateTime: 'Resolved',
};

const MAX_NOTE_CHARS = 400;

function value(field: WatchedField, v: string | number | null, now: Now): Plain {
  if (v === null || v === '') return words('(none)');
  switch (field) {
    case 'state':
      return plain(ticketStateLabel(String(v)));
    case 'severity':
      return plain(severityName(typeof v === 'number' ? v : Number(v)));
    case 'nextActionTime':
    case 'resolvedDateTime':
      return dateTime(String(v), now);
    default:
      return plainShort(String(v), 80);
  }
}

export function changeRows(changes: readonly TicketChange[], now: Now): ChangeRow[] {
  return changes.map((change): ChangeRow => {
    if (change.kind === 'created') return { label: words('New ticket'), text: words('Opened') };
    if (change.kind === 'note') {
      const who = plainShort(change.note.sender, 80, 'Unknown sender');
      return {
        label: words(`New note from ${who}`),
        text: plainShort(noteText({ text: change.note.text, renderType: change.note.renderType }), MAX_NOTE_CHARS, '(empty note)'),
      };
    }
    return {
      label: words(LABELS[change.field]),
      text: words(`${value(change.field, change.from, now)} → ${value(change.field, change.to, now)}`),
    };
  });
}
