import type { Now } from './local-time';
import { compile } from 'html-to-text';
import type { TicketNote } from '../mmd/types';
import { capped } from './card-parts';
import { plainShort, words, type Plain } from './escape';
import { dateTime, parseDate } from './format';

export interface NoteRow {
  /** "Sender · 3 days ago (2026-11-19 14:02 UTC)". */
  heading: Plain;
  /** The note as plain text, line breaks kept, cut. */
  text: Plain;
}

// Notes have renderType "html": keep the words, drop tags, scripts, images and link targets.
const HTML_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', format: 'dataTable' },
    // Lists keep one item a line with a bullet; paragraphs and <br> become line breaks, which a
    // TextRun shows as typed.
    { selector: 'ul', options: { itemPrefix: '• ' } },
  ],
};

// compile() builds the selector tables and formatters once; convert() rebuilt them for every note
// (about three quarters of its cost on a short note).
const htmlToText = compile(HTML_OPTIONS);

/** An opening, closing or self-closing tag, a comment or a doctype: what makes text HTML. */
const HAS_TAG = /<(?:[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?|\/[a-z][a-z0-9-]*\s*|!--[\s\S]*?--|!doctype[^<>]*)>/i;

// Notes are shown again and again (a ticket opened, paged, refreshed, notified): each converted
// note's text is kept, keyed by what was converted (never by id alone: ids repeat across tickets).
// Bounded in entries and size, least recently used out first.
const CACHE_ENTRIES = 500;
const CACHE_MAX_CHARS = 4_096;
const converted = new Map<string, string>();

/** A note's text without HTML, whitespace tidied. Line breaks kept. */
export function noteText(note: Pick<TicketNote, 'text' | 'renderType'>): string {
  const raw = note.text ?? '';
  if (raw.length > CACHE_MAX_CHARS) return convertNote(raw, note.renderType);
  const key = `${note.renderType?.toLowerCase() === 'html' ? 'h' : 't'}${raw}`;
  const kept = converted.get(key);
  if (kept !== undefined) {
    converted.delete(key);
    converted.set(key, kept);
    return kept;
  }
  const text = convertNote(raw, note.renderType);
  if (converted.size >= CACHE_ENTRIES) converted.delete(converted.keys().next().value as string);
  converted.set(key, text);
  return text;
}

function convertNote(raw: string, renderType: string | null | undefined): string {
  // The service labels every note "html", but notes posted as plain text (the documents' own
  // examples, scripts, the portal) hold typed line breaks: text with no tag is plain text, as typed.
  if (!HAS_TAG.test(raw))
    return raw
      .replace(/\r\n?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  const isHtml = renderType?.toLowerCase() === 'html';
  // A text note holding tags is converted too, its typed line breaks kept as <br>.
  const text = isHtml ? htmlToText(raw) : htmlToText(raw.replace(/\r?\n/g, '<br>'));
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

/** Notes newest first, at most `max`, each cut to `maxChars`; `more` says how many older ones are left out. */
export function noteRows(notes: readonly TicketNote[], now: Now, max: number, maxChars: number): { rows: NoteRow[]; hidden: number } {
  const time = (n: TicketNote) => parseDate(n.createdDateTime)?.getTime() ?? Number.NEGATIVE_INFINITY;
  const sorted = [...notes].sort((a, b) => time(b) - time(a));
  const { shown } = capped(sorted, max, 'notes');
  return {
    rows: shown.map((note) => ({
      heading: words(`${plainShort(note.sender, 80, 'Unknown sender')} · ${dateTime(note.createdDateTime, now)}`),
      text: plainShort(noteText(note), maxChars, '(empty note)'),
    })),
    hidden: Math.max(0, notes.length - max),
  };
}
