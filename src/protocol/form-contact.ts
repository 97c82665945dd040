/** The ticket contact the form starts with; the user can change every field. */
export interface FormContact {
  givenName: string;
  surname: string;
  email: string;
  phone: string;
}

/** "Adele Vance" -> Adele / Vance; one word is a given name. */
export function splitName(name: string | undefined): { givenName: string; surname: string } {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { givenName: '', surname: '' };
  if (words.length === 1) return { givenName: words[0]!.slice(0, 64), surname: '' };
  return { givenName: words.slice(0, -1).join(' ').slice(0, 64), surname: words[words.length - 1]!.slice(0, 64) };
}
