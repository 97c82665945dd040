import { isCategory, subcategoryChoicesOf } from '../protocol/category-catalog';
import type { Catalog } from '../catalog/categories';
import type { FieldErrors, FieldRules } from '../protocol/field-rules';
import { fieldItems, type FieldItems } from './card-form-parts';
import { plain } from './escape';
import type { ExecuteAction, SubmitFallback } from './card-action';

/** The button that refreshes a form so its subcategory list follows the chosen category. */
export const CHOOSE_SUBCATEGORY = 'Choose subcategory';

/**
 * The items of a form with a category and a dependent subcategory (Adaptive Cards 1.5 cannot
 * filter one choice set by another, and Teams validates every required input before any button
 * with inputs runs):
 * - step 1, no category chosen yet: only the category is required on the client, so the
 *   "Choose subcategory" button runs even while other fields are empty; the subcategory input
 *   is a hint instead;
 * - step 2: the subcategory lists only the chosen category's, and every rule applies but the
 *   subcategory's "required" on the client: changing the category and pressing the button again
 *   must not be blocked by the old category's empty subcategory (the server still requires it).
 * The server checks the pair again (a tampered or stale submit gets the field's message).
 */
export function categoryFormItems(
  rules: FieldRules,
  catalog: Catalog,
  values: Record<string, string>,
  errors: FieldErrors,
  now: Date,
  choose: ExecuteAction | SubmitFallback,
): { items: FieldItems; chosen: boolean } {
  const chosen = isCategory(catalog, values.category ?? '');
  const subcategory = rules.subcategory;
  if (subcategory?.kind !== 'choice') throw new Error('a category form needs a subcategory choice');
  if (chosen) {
    const choices = subcategoryChoicesOf(catalog, values.category!);
    const items = fieldItems({ ...rules, subcategory: { ...subcategory, required: false, choices } }, values, errors, now);
    return { items: withChooseButton(items, choose), chosen };
  }
  const relaxed = Object.fromEntries(
    Object.entries(rules).map(([id, rule]) => [id, { ...rule, required: id === 'category' }]),
  ) as FieldRules;
  const items = fieldItems(relaxed, values, errors, now);
  const error = errors.subcategory;
  items.subcategory = [
    { type: 'TextBlock', text: subcategory.label, weight: 'Bolder', wrap: true },
    {
      type: 'RichTextBlock',
      spacing: 'None',
      inlines: [{ type: 'TextRun', text: `Choose a category, then press ${CHOOSE_SUBCATEGORY}.`, isSubtle: true }],
    },
    ...(error
      ? [{ type: 'RichTextBlock', spacing: 'None', inlines: [{ type: 'TextRun', text: plain(error), color: 'Attention', size: 'Small' }] }]
      : []),
  ];
  return { items: withChooseButton(items, choose), chosen };
}

/** The refresh button right under the category input. */
function withChooseButton(items: FieldItems, choose: ExecuteAction | SubmitFallback): FieldItems {
  return { ...items, category: [...(items.category ?? []), { type: 'ActionSet', spacing: 'Small', actions: [choose] }] };
}
