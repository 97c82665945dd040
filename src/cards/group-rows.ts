import type { DeviceGroup } from '../mmd/types';
import { capped } from './card-parts';
import { plainShort } from './escape';

const MAX_GROUPS = 15;

/** Group rows (name, description) for the device and user cards, cut at 15. */
export function groupRows(groups: readonly DeviceGroup[]): {
  groupsHeading: string;
  groups: Array<{ name: string; description: string }>;
  groupsMore: string;
} {
  const { shown, more } = capped(groups, MAX_GROUPS, 'groups');
  return {
    groupsHeading: `Groups (${groups.length})`,
    groups: shown.map((g) => ({
      name: plainShort(g.displayName, 120, '(unnamed group)'),
      description: g.description?.trim() ? plainShort(g.description, 200) : '',
    })),
    groupsMore: more,
  };
}
