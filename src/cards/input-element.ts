import { DATE, TIME, isoDay, type FieldRule } from '../protocol/field-rules';

/** The Adaptive Card input element for `rule`, holding `value` (what the user typed, as typed). */
export function inputElement(id: string, rule: FieldRule, value: string, now: Date): Record<string, unknown> {
  const common = {
    id,
    label: rule.label,
    isRequired: rule.required,
    errorMessage: rule.errorMessage,
    ...(rule.placeholder ? { placeholder: rule.placeholder } : {}),
  };
  switch (rule.kind) {
    case 'text':
      return {
        type: 'Input.Text',
        ...common,
        maxLength: rule.maxLength,
        ...(rule.multiline ? { isMultiline: true } : {}),
        ...(rule.regex ? { regex: rule.regex } : {}),
        value,
      };
    case 'choice':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: rule.style,
        choices: rule.choices.map((c) => ({ title: c.title, value: c.value })),
        // A value that is not a choice would show blank; keep only real choices.
        value: rule.choices.some((c) => c.value === value) ? value : '',
      };
    case 'number':
      return { type: 'Input.Number', ...common, min: rule.min, max: rule.max, ...(value.trim() ? { value: Number(value) } : {}) };
    case 'toggle':
      return {
        type: 'Input.Toggle',
        ...common,
        title: rule.title,
        valueOn: 'true',
        valueOff: 'false',
        value: value === 'true' ? 'true' : 'false',
      };
    case 'date':
      return { type: 'Input.Date', ...common, ...(rule.notAfterToday ? { max: isoDay(now) } : {}), value: DATE.test(value) ? value : '' };
    case 'time':
      return { type: 'Input.Time', ...common, value: TIME.test(value) ? value : '' };
  }
}
