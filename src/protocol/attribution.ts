/**
 * With app context (MMD_AUTH=app) the MMD service records the app as the author of every
 * write. The text itself then says who asked: a last line naming the admin, e.g.
 * "— Alex Wilber (alexw@contoso.com) via MMD Assist".
 */
export interface Author {
  name?: string;
  upn?: string;
  /** Entra object id: named only when neither name nor UPN is known. */
  aadObjectId?: string;
}

/** Control characters and line breaks out, runs of spaces collapsed, capped. */
function clean(value: string | undefined, max: number): string {
  return (value ?? '')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

/** The line that names the author. */
export function attributionLine(author: Author): string {
  const name = clean(author.name, 100);
  const upn = clean(author.upn, 256);
  const who =
    name && upn && name.toLowerCase() !== upn.toLowerCase()
      ? `${name} (${upn})`
      : name || upn || `a Teams user${author.aadObjectId ? ` (${clean(author.aadObjectId, 64)})` : ''}`;
  return `— ${who} via MMD Assist`;
}

/** Between the user's text and the attribution line. */
const ATTRIBUTION_SEPARATOR = '\n\n';

export type Attributed =
  | { ok: true; text: string }
  /** `room`: how long the user's text may be with the line added. */
  | { ok: false; room: number };

/**
 * The user's text with the attribution line, within `maxLength` (the field's limit). The line
 * is never cut: when both do not fit, the caller asks the user to shorten the text (it is not
 * trimmed behind their back).
 */
export function attribute(text: string, author: Author, maxLength: number): Attributed {
  const suffix = `${ATTRIBUTION_SEPARATOR}${attributionLine(author)}`;
  const room = Math.max(0, maxLength - suffix.length);
  if (text.length > room) return { ok: false, room };
  return { ok: true, text: `${text}${suffix}` };
}

/** The field message when the text and the attribution line do not fit together. */
export function tooLongWithAttribution(what: string, room: number, length: number): string {
  return `With your name added at the end, the ${what} can be at most ${room} characters; it has ${length}. Shorten it and send again.`;
}

const ATTRIBUTION_PATTERN = /(?:^|\n)— ([^\n]{1,400}) via MMD Assist\s*$/;

/**
 * Who asked, for a record the app wrote with app context: the service names the app (its client
 * id, never a UPN: "sandbox-client") as the requester, and the text's last line names the person
 * ("— Megan Bowen (megan.bowen@contoso.com) via MMD Assist"). A requester with an `@` is a person
 * already and is shown as given; without the line, the app's id is said to be the app.
 */
export function requesterOf(requestingAgentUpn: string | null | undefined, text: string | null | undefined): string {
  const agent = requestingAgentUpn?.trim() ?? '';
  if (agent.includes('@')) return agent;
  const person = ATTRIBUTION_PATTERN.exec(text ?? '')?.[1]?.trim();
  if (person) return `${person} via MMD Assist`;
  return agent ? `MMD Assist (app ${agent})` : '';
}
