import { ELEVATION_CATALOG } from '../catalog/categories';
import { categoryChoices, subcategoryChoices } from './category-catalog';

/** What an elevation request may be about: the one catalogue's list (src/catalog/categories.ts). */
export { ELEVATION_CATALOG };

export const ELEVATION_CATEGORY_CHOICES = categoryChoices(ELEVATION_CATALOG);
export const ELEVATION_SUBCATEGORY_CHOICES = subcategoryChoices(ELEVATION_CATALOG);
