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
