import type { DeviceGroup } from '../mmd/types';
import { capped } from './card-parts';
import { plainShort, words, type Plain } from './escape';

const MAX_GROUPS = 15;

/** Group rows (name, description) for the device and user cards, cut at 15. */
export function groupRows(groups: readonly DeviceGroup[]): {
  groupsHeading: Plain;
  groups: Array<{ name: Plain; description: Plain }>;
  groupsMore: Plain;
} {
  const { shown, more } = capped(groups, MAX_GROUPS, 'groups');
  return {
    groupsHeading: words(`Groups (${groups.length})`),
    groups: shown.map((g) => ({
      name: plainShort(g.displayName, 120, '(unnamed group)'),
      description: g.description?.trim() ? plainShort(g.description, 200) : words(''),
    })),
    groupsMore: more,
  };
}
