/** The tab's JSON API against the emulator, through the real app over HTTP. */
import type { RunningApp } from '../../src/app';
import { recentAudit } from '../../src/state/audit-log';
import { ADMIN, devToken, startTabApp, tabApi } from './tab-harness';

let app: RunningApp;
let token: string;
beforeAll(async () => {
  app = await startTabApp();
  token = await devToken(app);
});
afterAll(async () => {
  await app?.stop();
});

interface Row {
  id: string;
  state: string;
  severity: number;
  title: string;
}

test('summary counts tickets by state and severity, devices by compliance and ring', async () => {
  const { status, body } = await tabApi<{
    tickets: { total: number; byState: { label: string; count: number }[]; bySeverity: { label: string; count: number }[] };
    devices: { total: number; byCompliance: { count: number }[]; byRing: { label: string; count: number }[] };
  }>(app, 'summary', { token });
  expect(status).toBe(200);
  const sum = (xs: { count: number }[]): number => xs.reduce((n, x) => n + x.count, 0);
  expect(sum(body.tickets.byState)).toBe(body.tickets.total);
  expect(sum(body.tickets.bySeverity)).toBe(body.tickets.total);
  expect(sum(body.devices.byCompliance)).toBe(body.devices.total);
  expect(body.devices.byRing.map((r) => r.label).every((l) => ['Test', 'First', 'Fast', 'Broad', 'Unknown'].includes(l))).toBe(true);
});

test('tickets: open by default, filters by state and severity, searches titles', async () => {
  const open = await tabApi<{ items: Row[] }>(app, 'tickets', { token });
  expect(open.status).toBe(200);
  expect(open.body.items.length).toBeGreaterThan(0);
  expect(open.body.items.every((t) => ['new', 'active'].includes(t.state))).toBe(true);

  const resolved = await tabApi<{ items: Row[] }>(app, 'tickets?state=resolved', { token });
  expect(resolved.body.items.every((t) => t.state === 'resolved')).toBe(true);

  const sev = await tabApi<{ items: Row[] }>(app, 'tickets?state=all&severity=2', { token });
  expect(sev.body.items.length).toBeGreaterThan(0);
  expect(sev.body.items.every((t) => t.severity === 2)).toBe(true);

  const word = open.body.items[0]!.title.split(/\s+/).find((w) => w.length > 4)!;
  const found = await tabApi<{ items: Row[] }>(app, `tickets?state=all&q=${encodeURIComponent(word)}`, { token });
  expect(found.body.items.length).toBeGreaterThan(0);
  expect(found.body.items.every((t) => t.title.toLowerCase().includes(word.toLowerCase()))).toBe(true);

  expect((await tabApi(app, 'tickets?state=bogus', { token })).status).toBe(400);
});

test('a ticket with its notes; adding a note shows it, credited to the caller', async () => {
  const { body } = await tabApi<{ items: Row[] }>(app, 'tickets', { token });
  const id = body.items[0]!.id;
  const detail = await tabApi<{ ticket: { id: string }; notes: unknown[] }>(app, `tickets/${id}`, { token });
  expect(detail.status).toBe(200);
  expect(detail.body.ticket.id).toBe(id);

  const added = await tabApi<{ notes: { text: string; sender: string }[] }>(app, `tickets/${id}/notes`, {
    token,
    body: { text: 'Checked <b>the</b> device & rebooted' },
  });
  expect(added.status).toBe(201);
  expect(added.body.notes.at(-1)!.text).toContain('Checked');
  // App context (MMD_AUTH=app): the service records the app, so the note itself names the SSO
  // user; user context (no suffix, the service records the user) is in on-behalf-of.test.ts.
  expect(added.body.notes.at(-1)!.sender).toBe('sandbox-client');
  const stored = (await app.mmd.tickets.notes(id)).at(-1)!;
  expect(stored.text).toBe(
    'Checked &lt;b&gt;the&lt;/b&gt; device &amp; rebooted<br><br>— Megan Bowen (megan.bowen@contoso.example) via MMD Assist',
  );
  const [record] = await recentAudit(app.storage, 1);
  expect(record).toMatchObject({
    action: 'ticket.note',
    outcome: 'done',
    target: { kind: 'ticket', id },
    user: { upn: ADMIN.upn, name: ADMIN.name },
    conversation: { id: 'tab', kind: 'tab' },
  });

  // The user's text and the attribution line must fit the field's 4000 together: the text is not cut.
  const long = await tabApi<{ message: string }>(app, `tickets/${id}/notes`, { token, body: { text: 'n'.repeat(3990) } });
  expect(long.status).toBe(400);
  expect(long.body.message).toMatch(/can be at most 39\d\d characters; it has 3990/);
  expect((await app.mmd.tickets.notes(id)).at(-1)!.text).toBe(stored.text);

  expect((await tabApi(app, `tickets/${id}/notes`, { token, body: { text: '   ' } })).status).toBe(400);
  expect((await tabApi(app, 'tickets/no-such-ticket-999', { token })).status).toBe(404);
  expect((await tabApi(app, `tickets/${encodeURIComponent('x y')}`, { token })).status).toBe(400);
});

test('devices: search and failing configurations', async () => {
  const failing = await tabApi<{ items: { name: string; failing: { status: string }[] }[] }>(app, 'devices/failing', { token });
  expect(failing.status).toBe(200);
  expect(failing.body.items.length).toBeGreaterThan(0);
  expect(failing.body.items.every((d) => d.failing.length > 0)).toBe(true);

  const name = failing.body.items[0]!.name;
  const found = await tabApi<{ items: { name: string }[] }>(app, `devices?q=${encodeURIComponent(name)}`, { token });
  expect(found.body.items.map((d) => d.name)).toContain(name);
});

test('elevations: open ones listed, one closed', async () => {
  const created = await app.mmd.elevations.create({
    partnerTicketId: 'T-1',
    deviceName: (await app.mmd.devices.list({ top: 1 })).items[0]!.name,
    title: 'Install a driver',
    category: 'Software',
    subcategory: 'Driver',
    planOfAction: 'Install the vendor driver',
  });
  const before = await tabApi<{ items: { id: string }[] }>(app, 'elevations', { token });
  expect(before.body.items.map((e) => e.id)).toContain(created.id);
  const closed = await tabApi(app, `elevations/${created.id}/close`, { token, body: { actionsTaken: 'Driver installed' } });
  expect(closed.status).toBe(200);
  const stored = (await app.mmd.elevations.list({ deviceName: created.deviceName ?? '', top: 50 })).items.find((r) => r.id === created.id);
  expect(stored?.actionsTaken).toBe('Driver installed\n\n— Megan Bowen (megan.bowen@contoso.example) via MMD Assist');
  expect((await recentAudit(app.storage, 1))[0]).toMatchObject({
    action: 'elevation.close',
    target: { kind: 'elevation', id: created.id },
    conversation: { kind: 'tab' },
  });
  const after = await tabApi<{ items: { id: string }[] }>(app, 'elevations', { token });
  expect(after.body.items.map((e) => e.id)).not.toContain(created.id);
  expect((await tabApi(app, `elevations/${created.id}/close`, { token, body: {} })).status).toBe(400);
});

test('me names the signed-in user, their role and what the page may offer them (sandbox: everyone is an admin)', async () => {
  expect((await tabApi(app, 'me', { token })).body).toEqual({
    name: ADMIN.name,
    upn: ADMIN.upn,
    role: 'elevation-admin and bot-admin',
    roles: ['reader', 'operator', 'elevation-admin', 'bot-admin'],
    may: { addNote: true, closeElevation: true },
  });
});

test('the built tab is served under /tab with a CSP; the sandbox dev token only to loopback', async () => {
  const page = await fetch(`${app.url}/tab/`);
  // Built by npm run build:tab; the e2e test builds it first.
  if (page.status === 200) {
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(await page.text()).toContain('MMD Assist dashboard');
  }
  expect((await fetch(`${app.url}/tab/../package.json`)).status).toBe(404);
  expect((await fetch(`${app.url}/tab/%2e%2e/package.json`)).status).toBe(404);
  const dev = await fetch(`${app.url}/tab/dev/token`);
  expect(dev.status).toBe(200);
  const devBody = (await dev.json()) as { token: string };
  expect((await tabApi(app, 'me', { token: devBody.token })).status).toBe(200);
});
