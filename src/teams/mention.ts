/**
 * Removes Teams `<at>…</at>` mentions (the bot's and others') and the HTML entities Teams leaves
 * around them, so the parser sees only what the admin typed.
 */
export function stripMentions(text: string | undefined | null): string {
  if (!text) return '';
  return text
    .replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
