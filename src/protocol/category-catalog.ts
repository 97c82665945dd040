import type { Choice } from './field-rules';

/** Category -> its subcategories, as the API documents them (stray spaces kept). */
export type Catalog = Readonly<Record<string, readonly string[]>>;

export function categoryChoices(catalog: Catalog): Choice[] {
  return Object.keys(catalog).map((c) => ({ title: c, value: c }));
}

/**
 * Adaptive Cards 1.5 cannot filter one choice set by another, so the subcategory list holds every
 * subcategory once, by its trimmed name, with the categories it belongs to in the title; the
 * server checks that the pair exists.
 */
export function subcategoryChoices(catalog: Catalog): Choice[] {
  const owners = new Map<string, string[]>();
  for (const [category, subcategories] of Object.entries(catalog)) {
    for (const sub of subcategories) owners.set(sub.trim(), [...(owners.get(sub.trim()) ?? []), category]);
  }
  return [...owners].map(([name, categories]) => ({ value: name, title: `${name} (${categories.join(', ')})` }));
}

// Own keys only: "constructor" or "__proto__" from a forged submit is no category.
function subcategoriesOf(catalog: Catalog, category: string): readonly string[] {
  return Object.hasOwn(catalog, category) ? catalog[category]! : [];
}

/** The documented subcategory value for a category and a trimmed name; undefined when the pair does not exist. */
export function documentedSubcategory(catalog: Catalog, category: string, name: string): string | undefined {
  return subcategoriesOf(catalog, category).find((sub) => sub.trim() === name.trim());
}

/** The message for a subcategory that does not belong to the chosen category. */
export function wrongSubcategory(catalog: Catalog, category: string): string {
  const names = subcategoriesOf(catalog, category).map((s) => s.trim());
  return `That subcategory does not belong to ${category}. Choose one of: ${names.join(', ')}.`;
}
