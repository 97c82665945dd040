import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditCard } from '../../src/cards/audit-card';
import { deviceDetailCard } from '../../src/cards/device-detail-card';
import { elevationListCard } from '../../src/cards/elevation-list-card';
import { severityColor, statusView, ticketStateColor, ticketStateLabel } from '../../src/cards/format';
import { incidentSeverityColor, incidentStatusColor } from '../../src/cards/graph-format';
import { incidentListCard } from '../../src/cards/incident-list-card';
import { ticketListCard } from '../../src/cards/ticket-list-card';
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES } from '../../src/graph/graph-enums';
import { AUDIT_OUTCOMES } from '../../src/state/audit-log';
import { walk } from '../helpers/card-validation';
import { colourProblems, expectCleanCard, READABLE_COLOURS } from './card-checks';
import { incident } from './graph-sample-data';
import { config, device, elevation, NOW, page, ticket } from './sample-data';

/**
 * Issue 14: status colours readable in light, dark and high-contrast themes. No template or
 * builder uses "Warning" (yellow on white) or the "Light"/"Dark" contrast traps, and every status
 * says itself in words (and icons) besides its colour.
 */
const CARDS_DIR = join(__dirname, '..', '..', 'cards');

describe('status colours', () => {
  it('no template hard-codes a colour other than Default, Accent, Good or Attention', () => {
    for (const file of readdirSync(CARDS_DIR).filter((f) => f.endsWith('.json'))) {
      const template: unknown = JSON.parse(readFileSync(join(CARDS_DIR, file), 'utf8'));
      walk(template, (node) => {
        if (!('color' in node)) return;
        const color = String(node.color);
        // Templated colours come from the builders' TextColor, checked on every rendered card.
        if (!color.startsWith('${')) expect([file, READABLE_COLOURS.has(color)]).toEqual([file, true]);
      });
    }
  });

  it('the check itself catches the traps', () => {
    for (const color of ['Warning', 'Light', 'Dark', 'warning', 'Purple']) {
      expect(colourProblems({ type: 'TextRun', text: 'High', color })).toHaveLength(1);
    }
    expect(colourProblems({ type: 'TextRun', text: '●', color: 'Attention' })).toHaveLength(1); // colour alone
    expect(colourProblems({ type: 'TextRun', text: '❌ Failed', color: 'Attention' })).toEqual([]);
  });

  const DEPLOYMENT = [
    'Compliant',
    'NonCompliant',
    'Success',
    'Failed',
    'Error',
    'Conflict',
    'InGracePeriod',
    'Pending',
    'InProgress',
    'NotApplicable',
    'Unknown',
    'Something new',
  ];

  it('every compliance and deployment status has its words, and an icon unless it is neutral', () => {
    const texts = new Set<string>();
    for (const status of DEPLOYMENT) {
      const view = statusView(status);
      expect(READABLE_COLOURS.has(view.color)).toBe(true);
      expect(view.text).toMatch(/\p{L}/u);
      if (view.color !== 'Default' || /Conflict|Grace|Pending|Progress/.test(status))
        expect(view.text).toMatch(/^\p{Extended_Pictographic}/u);
      texts.add(view.text);
    }
    expect(texts.size).toBe(DEPLOYMENT.length); // no two statuses read the same
  });

  it('severities and ticket states: readable colours, and the words say what the colour does', () => {
    for (const s of [1, 2, 3, 4, 9, null]) expect(READABLE_COLOURS.has(severityColor(s))).toBe(true);
    for (const s of ['new', 'active', 'resolved', 'closed', 'odd']) {
      expect(READABLE_COLOURS.has(ticketStateColor(s))).toBe(true);
      expect(ticketStateLabel(s)).toMatch(/\p{L}/u);
    }
    for (const s of [...INCIDENT_SEVERITIES, 'new']) expect(READABLE_COLOURS.has(incidentSeverityColor(s))).toBe(true);
    for (const s of [...INCIDENT_STATUSES, 'new']) expect(READABLE_COLOURS.has(incidentStatusColor(s))).toBe(true);
  });

  it('cards showing every status pass the colour check (expectCleanCard runs it on every card test too)', () => {
    const cards = [
      deviceDetailCard({
        device: device({
          complianceState: 'NonCompliant',
          configurations: DEPLOYMENT.map((s, i) => config({ id: `c${i}`, name: `Config ${i}`, deploymentStatus: s })),
        }),
        now: NOW,
      }),
      ticketListCard({
        page: page(
          ['new', 'active', 'resolved', 'closed'].flatMap((state) =>
            [1, 2, 3, 4].map((severity) =>
              ticket({ id: `MMD-${severity}000000-${state.slice(0, 5).toUpperCase().padEnd(5, 'X')}`, state, severity }),
            ),
          ),
          0,
          16,
          false,
        ),
        filters: { states: [], severities: [] },
        now: NOW,
      }),
      incidentListCard({
        page: page(
          INCIDENT_STATUSES.flatMap((status) =>
            INCIDENT_SEVERITIES.map((severity) =>
              incident({ id: `${status}-${severity}`.replace(/[^A-Za-z0-9-]/g, ''), status, severity }),
            ),
          ),
          0,
          15,
          false,
        ),
        filters: { statuses: [], severities: [] },
        now: NOW,
      }),
      elevationListCard({ page: page([elevation(), elevation({ requestClosureTime: '2026-11-22T10:00:00Z' })], 0, 10, false), now: NOW }),
      auditCard({
        records: AUDIT_OUTCOMES.map((outcome) => ({
          at: '2026-11-22T13:02:00.000Z',
          action: 'elevation.reveal' as const,
          outcome,
          deviceName: 'MMD-00002',
          user: { id: '29:a', upn: 'adele@contoso.com', name: 'Adele Vance' },
          conversation: { id: 'c1', kind: 'personal' as const },
          correlationId: 'corr',
        })),
        now: NOW,
      }),
    ];
    for (const card of cards) {
      expectCleanCard(card);
      expect(colourProblems(card)).toEqual([]);
    }
    // The coloured statuses are really there (the check had something to check).
    let coloured = 0;
    for (const card of cards) walk(card, (node) => void (typeof node.color === 'string' && node.color !== 'Default' && (coloured += 1)));
    expect(coloured).toBeGreaterThan(20);
  });
});
