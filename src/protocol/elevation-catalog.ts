import { categoryChoices, subcategoryChoices, type Catalog } from './category-catalog';

/**
 * What an elevation request may be about. The API takes free text; the documents' examples use
 * Office (Excel, Word) and Hardware (Device). "Other" covers the rest, so nobody is stuck.
 */
export const ELEVATION_CATALOG: Catalog = {
  Office: ['Excel', 'Word', 'Other'],
  Hardware: ['Device', 'Other'],
  Other: ['Other'],
};

export const ELEVATION_CATEGORY_CHOICES = categoryChoices(ELEVATION_CATALOG);
export const ELEVATION_SUBCATEGORY_CHOICES = subcategoryChoices(ELEVATION_CATALOG);
