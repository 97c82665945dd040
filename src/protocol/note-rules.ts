import { checkFields, type FieldErrors, type FieldRules } from './field-rules';

export const NOTE_FIELDS = {
  text: {
    kind: 'text',
    label: 'Note',
    required: true,
    maxLength: 4000,
    multiline: true,
    placeholder: 'What Microsoft support should know',
    errorMessage: 'Enter the note (at most 4000 characters).',
  },
} as const satisfies FieldRules;

export type NoteCheck = { ok: true; text: string } | { ok: false; errors: FieldErrors };

export function checkNote(raw: Record<string, unknown>, now: Date): NoteCheck {
  const { values, errors } = checkFields(NOTE_FIELDS, raw, now);
  if (Object.keys(errors).length || typeof values.text !== 'string') return { ok: false, errors };
  return { ok: true, text: values.text };
}

/**
 * Notes are HTML at the service (every note comes back `renderType: "html"`, the documents' own
 * plain example included), so typed text goes in escaped with its line breaks as `<br>`: read
 * back, it shows exactly as typed (`<b>` the characters, not bold; "Line one⏎Line two" on two
 * lines) in the bot, the tab and the service's own portal.
 */
export function plainToHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>');
}
