import type { FieldErrors, FieldRule, FieldRules } from '../protocol/field-rules';
import type { FormNotice } from '../protocol/form-notice';
import { inputElement } from './input-element';
import { plain, words, type Plain } from './escape';
import type { TextColor } from './format';

/** Element lists, one per field: the input (attributes from the field's rule) and its server message. */
export type FieldItems = Record<string, Array<Record<string, unknown>>>;

/**
 * The items of every field in `rules`: the input holding what the user typed, then, when the
 * server refused the value, the message in red below it (the client shows `errorMessage` only
 * for its own checks).
 */
export function fieldItems(rules: FieldRules, values: Record<string, string>, errors: FieldErrors, now: Date): FieldItems {
  const items: FieldItems = {};
  for (const [id, rule] of Object.entries(rules)) items[id] = field(id, rule, values[id] ?? '', errors[id], now);
  return items;
}

function field(id: string, rule: FieldRule, value: string, error: string | undefined, now: Date): Array<Record<string, unknown>> {
  const input = inputElement(id, rule, value, now);
  if (!error) return [input];
  // A TextRun: the server's message may quote what was typed, and a TextRun shows it as typed.
  return [
    input,
    { type: 'RichTextBlock', spacing: 'None', inlines: [{ type: 'TextRun', text: plain(error), color: 'Attention', size: 'Small' }] },
  ];
}

/** The line above the form: the notice, or a summary when fields were refused; empty when all is well. */
export function noticeView(notice: FormNotice | undefined, errors: FieldErrors): { text: Plain; color: TextColor } {
  // A notice without words is no notice: a coloured dash would be a status told by colour alone.
  if (notice && typeof notice.text === 'string' && notice.text.trim()) {
    return { text: plain(notice.text), color: notice.tone === 'warning' ? 'Default' : 'Attention' };
  }
  const count = Object.keys(errors).length;
  if (count === 0) return { text: words(''), color: 'Default' };
  return {
    text: words(count === 1 ? 'Please correct the field marked below.' : `Please correct the ${count} fields marked below.`),
    color: 'Attention',
  };
}

/** Every field's value as text, missing ones empty: template data never holds undefined. */
export function formValues<K extends string>(
  fields: readonly K[],
  ...layers: Array<Partial<Record<K, string>> | undefined>
): Record<K, string> {
  const values = Object.fromEntries(fields.map((f) => [f, ''])) as Record<K, string>;
  for (const layer of layers) {
    for (const f of fields) {
      const v = layer?.[f];
      if (typeof v === 'string') values[f] = v;
    }
  }
  return values;
}
