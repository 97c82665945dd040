/** Issue 25 point 9: the dashboard uses the chat's words and colours, through the real app over HTTP. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningApp } from '../../src/app';
import { statusView, ticketStateColor, ticketStateLabel } from '../../src/cards/format';
import { devToken, startTabApp, tabApi } from './tab-harness';

let app: RunningApp;
let token: string;
beforeAll(async () => {
  app = await startTabApp();
  token = await devToken(app);
});
afterAll(async () => {
  await app?.stop();
});

interface Slice {
  label: string;
  count: number;
  color: string;
}

test('chart slices carry the chat labels and colours, not raw values or positions', async () => {
  const { body } = await tabApi<{ tickets: { byState: Slice[]; bySeverity: Slice[] }; devices: { byCompliance: Slice[] } }>(
    app,
    'summary',
    { token },
  );
  const compliance = new Map(body.devices.byCompliance.map((s) => [s.label, s.color]));
  expect(compliance.get('Non-compliant')).toBe('Attention');
  expect(compliance.get('Compliant')).toBe('Good');
  expect([...compliance.keys()]).not.toContain('NonCompliant');
  for (const slice of body.tickets.byState) {
    expect(slice.label).toBe(ticketStateLabel(slice.label.toLowerCase()));
    expect(slice.color).toBe(ticketStateColor(slice.label.toLowerCase()));
  }
  expect(body.tickets.byState.map((s) => s.label)).toContain('Resolved');
  expect(body.tickets.bySeverity.find((s) => s.label === 'Critical')?.color).toBe('Attention');
  expect(body.tickets.bySeverity.find((s) => s.label === 'Moderate')?.color).toBe('Default');
});

test('ticket and device rows say what the chat cards say', async () => {
  const tickets = await tabApi<{ items: Array<{ state: string; stateLabel: string; stateColor: string }> }>(app, 'tickets?state=all', {
    token,
  });
  for (const t of tickets.body.items) expect([t.stateLabel, t.stateColor]).toEqual([ticketStateLabel(t.state), ticketStateColor(t.state)]);
  const devices = await tabApi<{ items: Array<{ complianceState: string; complianceLabel: string; complianceColor: string }> }>(
    app,
    'devices?q=MMD',
    { token },
  );
  expect(devices.body.items.length).toBeGreaterThan(0);
  for (const d of devices.body.items) expect(d.complianceColor).toBe(statusView(d.complianceState).color);
  expect(devices.body.items.map((d) => d.complianceLabel)).not.toContain('NonCompliant');
});

test('the page styles every chat colour, and stretches the filters at 320 px', () => {
  const css = readFileSync(join(__dirname, '..', '..', 'tab', 'styles.css'), 'utf8');
  for (const color of ['Good', 'Attention', 'Accent', 'Default']) expect(css).toContain(`.bar.color-${color}`);
  expect(css).toMatch(/@media \(max-width: 600px\)[\s\S]*\.filters input, \.filters select \{ width: 100%; min-width: 0; \}/);
});
