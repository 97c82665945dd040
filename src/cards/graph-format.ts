/** Display of the Graph enums on cards: labels (shown as typed) and colours. */
import { graphEnumLabel, isKnownGraphValue } from '../graph/graph-enums';
import { plain, words, type Plain } from './escape';

import type { TextColor } from './format';

/** The label; a value this bot does not know is shown as sent, marked with "?". */
export function enumText(raw: string | null | undefined): Plain {
  const value = raw ?? null;
  const label = plain(graphEnumLabel(value));
  return value === null || value.trim() === '' || isKnownGraphValue(value) ? label : words(`${label} (?)`);
}

export function incidentSeverityColor(severity: string | null | undefined): TextColor {
  const key = severity?.trim();
  if (key === 'high') return 'Attention';
  if (key === 'medium') return 'Default'; // yellow text is unreadable on white
  return 'Default';
}

export function incidentStatusColor(status: string | null | undefined): TextColor {
  const key = status?.trim();
  if (key === 'active') return 'Accent';
  if (key === 'resolved') return 'Good';
  return 'Default';
}
