import type { Catalog } from '../catalog/categories';
import type { Choice } from './field-rules';

export function categoryChoices(catalog: Catalog): Choice[] {
  return Object.keys(catalog).map((c) => ({ title: c, value: c }));
}

/**
 * Every subcategory once, by its trimmed name: what a submit may carry at all (the envelope check).
 * The form offers only the chosen category's (`subcategoryChoicesOf`); the server checks the pair.
 */
export function subcategoryChoices(catalog: Catalog): Choice[] {
  const names = new Set(Object.values(catalog).flatMap((subs) => subs.map((s) => s.trim())));
  return [...names].map((name) => ({ title: name, value: name }));
}

/** The subcategories of one category, trimmed; none for an unknown category. */
export function subcategoryChoicesOf(catalog: Catalog, category: string): Choice[] {
  return subcategoriesOf(catalog, category).map((s) => ({ title: s.trim(), value: s.trim() }));
}

/** True when `category` is one of the catalogue's (own keys only). */
export function isCategory(catalog: Catalog, category: string): boolean {
  return Object.hasOwn(catalog, category);
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
