import type { Now } from './local-time';
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES, graphEnumLabel } from '../graph/graph-enums';
import type { Incident } from '../graph/incident';
import type { Page } from '../http/paging';
import { plainShort, words } from './escape';
import { relativeTime } from './format';
import { execute, executeIfValid } from './card-action';
import { enumText, incidentSeverityColor, incidentStatusColor } from './graph-format';
import { pageRange } from './paging';
import { backTo } from './back-action';
import { renderCard, type AdaptiveCard } from './render';

export interface IncidentFilters {
  /** Graph's spelling: active, resolved, redirected. */
  statuses: string[];
  /** Graph's spelling: high, medium, low, informational, unknown. */
  severities: string[];
}

export interface IncidentListInput {
  page: Page<Incident>;
  filters: IncidentFilters;
  now: Now;
}

// Only Apply reads the filter inputs; paging keeps the filters the page was made with.
const ONLY_DATA = { ignoreInputs: true };

/** Keeps only values the verb and the choice sets know: anything else was never offered. */
function known(values: string[], allowed: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => allowed.includes(v)))];
}

/**
 * One page of security incidents with the filters that produced it: status and severity pickers
 * (Apply sends `incidents.filter`), rows that open the incident, paging that keeps the filters,
 * and a New incident button.
 */
export function incidentListCard({ page, filters, now }: IncidentListInput): AdaptiveCard {
  const statuses = known(filters.statuses, INCIDENT_STATUSES);
  const severities = known(filters.severities, INCIDENT_SEVERITIES);
  const rows = page.items.map((incident) => {
    const back = backTo({ verb: 'incidents.page' as const, data: { statuses, severities, skip: page.skip } });
    const open = executeIfValid('Open', 'incident.open', { id: incident.id.trim(), back }, ONLY_DATA);
    return {
      title: plainShort(incident.displayName, 120, '(no title)'),
      titleColor: open ? 'Accent' : 'Default',
      open,
      detail: words(
        [
          `#${plainShort(incident.id, 64)}`,
          `created ${relativeTime(incident.createdDateTime, now)}`,
          incident.assignedTo?.trim() ? `assigned to ${plainShort(incident.assignedTo, 60)}` : 'unassigned',
        ].join(' · '),
      ),
      severity: enumText(incident.severity),
      severityColor: incidentSeverityColor(incident.severity),
      status: enumText(incident.status),
      statusColor: incidentStatusColor(incident.status),
    };
  });
  const filtered = statuses.length > 0 || severities.length > 0;
  const actions = [];
  if (page.skip > 0)
    actions.push(
      execute('◀ Previous', 'incidents.page', { statuses, severities, skip: Math.max(0, page.skip - Math.max(page.top, 1)) }, ONLY_DATA),
    );
  if (page.hasMore && page.items.length > 0)
    actions.push(execute('Next ▶', 'incidents.page', { statuses, severities, skip: page.skip + page.items.length }, ONLY_DATA));
  return renderCard('incident-list', {
    summary: words(
      [
        statuses.length ? statuses.map(graphEnumLabel).join(' or ') : 'Any status',
        severities.length ? severities.map(graphEnumLabel).join(' or ') : 'any severity',
        pageRange(page),
      ]
        .filter(Boolean)
        .join(' · '),
    ),
    statusValue: statuses.join(','),
    statusChoices: INCIDENT_STATUSES.map((value) => ({ title: words(graphEnumLabel(value)), value })),
    severityValue: severities.join(','),
    severityChoices: INCIDENT_SEVERITIES.map((value) => ({ title: words(graphEnumLabel(value)), value })),
    filterActions: [
      execute('Apply filters', 'incidents.filter', {}),
      execute(
        'New incident',
        'incident.newForm',
        { from: { verb: 'incidents.page', data: { statuses, severities, skip: page.skip } } },
        ONLY_DATA,
      ),
    ],
    emptyText: page.skip > 0 ? 'No more incidents.' : filtered ? 'No incidents match these filters.' : 'No security incidents.',
    rows,
    actions,
  });
}
