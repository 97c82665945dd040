/**
 * Crash test of form submits (issue 8): the bot PROCESS (live mode, SQLite storage) is SIGKILLed
 * at seeded random moments while ticket and elevation forms are being submitted over its real
 * /api/messages, restarted, and the same forms are submitted again. The emulator runs here, in
 * the test process, so what the service created survives every kill. In the end: exactly one
 * ticket (or elevation request) per form, every form answered with its result, and no claim
 * left pending in storage.
 *
 * POST latency at the emulator widens the windows a kill can land in: before the claim, after
 * the claim but before the API call, while the create is in flight, after it but before the
 * result is recorded. Set FORM_CRASH_SEED to replay a run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { bundleForChild, killHard } from '../../helpers/child-process';
import { join } from 'node:path';
import { startEmulator } from '../../../src/emulator/emulator';
import { mulberry32 } from '../../../src/emulator/prng';
import type { RunningEmulator } from '../../../src/emulator/types';
import { createMmdClient } from '../../../src/mmd/create-client';
import type { MmdClient } from '../../../src/mmd/mmd-client';
import { createMsalCredentials } from '../../../src/http/token-provider';
import { DEFAULT_SCOPE } from '../../../src/config/variables';
import { SqliteStorage } from '../../../src/storage/sqlite-storage';
import { newFormId } from '../../../src/state/form-id';
import { FakeConnector } from '../../helpers/fake-connector';
import { cardText } from '../../helpers/bot-harness';
import { findActions } from '../../helpers/card-validation';
import { emulatorEnv } from '../../helpers/emulator-env';
import { LANDING_MS } from '../../../src/state/form-claim';

type Json = Record<string, unknown>;

const ROOT = join(__dirname, '..', '..', '..');
// Three levels under the root, so the bundle finds cards/ and package.json as dist/src would.
const WORK = join(ROOT, 'test-artifacts', 'form-crash', `run-${process.pid}`);
const BUNDLE = join(WORK, 'child.js');
const SEED = Number(process.env.FORM_CRASH_SEED ?? Date.now() % 100_000);
const TICKET_FORMS = 10;
const ELEVATION_FORMS = 4;
const KILLS = 5;
/** Each life's clock runs this much further ahead: longer than a claim takes to go stale (17 s). */
const LIFE_MS = 20_000;
/**
 * The last life comes later still: past the time a request with no answer may still land
 * (LANDING_MS), so the service's "not there" about a killed life's form is believed and the form
 * sent; before it, such a form is answered "may still arrive" and not sent again.
 */
const LAST_LIFE_MS = KILLS * LIFE_MS + LANDING_MS;
const TENANT = 'tenant-crash';
const USER = { id: 'user-crash', name: 'Adele Vance', aadObjectId: 'aad-user-crash' };

interface Form {
  verb: 'ticket.create' | 'elevation.create';
  formId: string;
  title: string;
  deviceName?: string;
  data: Json;
}

interface Child {
  process: ChildProcess;
  url: string;
  output: () => string;
}

async function startChild(storagePath: string, emulator: RunningEmulator, offsetMs: number): Promise<Child> {
  const child = spawn(process.execPath, [BUNDLE], {
    env: {
      ...process.env,
      PORT: '0',
      STORAGE: `sqlite:${storagePath}`,
      LOG_LEVEL: 'warn',
      ...emulatorEnv(emulator),
      MicrosoftAppId: '',
      ALLOW_UNAUTHENTICATED: 'true',
      ALLOWED_TENANT_IDS: TENANT,
      DEFAULT_ROLE: 'operator',
      NOTIFY_POLL_SECONDS: '86400',
      CLOCK_OFFSET_MS: String(offsetMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /ready (\d+)/.exec(output);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.on('exit', (code, signal) => reject(new Error(`child exited early (${code ?? signal}): ${output.slice(0, 800)}`)));
  });
  return { process: child, url, output: () => output };
}

/** Presses the form's button (Action.Execute) once; undefined when the process died first. */
async function submit(child: Child, connectorUrl: string, form: Form): Promise<Json | undefined> {
  const activity = {
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'msteams',
    serviceUrl: connectorUrl,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    from: USER,
    recipient: { id: 'bot-1', name: 'MMD Assist' },
    conversation: { id: 'personal-crash', conversationType: 'personal', isGroup: false, tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    value: { action: { type: 'Action.Execute', verb: form.verb, data: { ...form.data, formId: form.formId } }, trigger: 'manual' },
  };
  try {
    const res = await fetch(`${child.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const body = (await res.json()) as Json;
    if (res.status !== 200) throw new Error(`answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return body;
  } catch (err) {
    if (child.process.killed) return undefined;
    throw err;
  }
}

/** The created id on a result card (ticket or elevation card); undefined for anything else. */
function resultId(form: Form, body: Json): string | undefined {
  const verb = form.verb === 'ticket.create' ? 'ticket.open' : 'elevation.closeForm';
  const found = findActions(body.value).find((a) => a.verb === verb);
  const id = (found?.data as Json | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

describe('form submits survive the bot process being killed', () => {
  let emulator: RunningEmulator;
  let mmd: MmdClient;
  const connector = new FakeConnector();
  let child: Child | undefined;

  beforeAll(async () => {
    bundleForChild(join(__dirname, 'form-crash-child.ts'), WORK, BUNDLE);
    emulator = await startEmulator({ port: 0 });
    const credentials = createMsalCredentials({
      tenantId: emulator.tenantId,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      authorityHost: 'https://login.microsoftonline.com',
      tokenEndpoint: emulator.tokenEndpoint,
      timeoutMs: 5000,
    });
    mmd = createMmdClient({
      baseUrl: emulator.mmdBaseUrl,
      tenantId: emulator.tenantId,
      tokenProvider: credentials.forScope(DEFAULT_SCOPE),
    });
    await connector.start();
    connector.members.set(USER.id, { ...USER, email: 'adele.vance@contoso.com', userPrincipalName: 'adele.vance@contoso.com' });
  });

  afterAll(async () => {
    if (child) await killHard(child.process);
    await connector.stop();
    await emulator?.close();
    rmSync(WORK, { recursive: true, force: true });
  });

  it(`creates exactly one ticket or elevation request per form across ${KILLS} kills (seed ${SEED})`, async () => {
    const prng = mulberry32(SEED);
    const ticketId = (await mmd.tickets.list({ states: ['active'], top: 1 })).items[0]!.id;
    const devices: string[] = [];
    for (const d of (await mmd.devices.list({ top: 40 })).items) {
      if (devices.length < ELEVATION_FORMS && (await mmd.elevations.list({ deviceName: d.name, open: true })).items.length === 0)
        devices.push(d.name);
    }
    expect(devices).toHaveLength(ELEVATION_FORMS);
    const run = `${SEED}-${process.pid}`;
    const forms: Form[] = [
      ...Array.from({ length: TICKET_FORMS }, (_, i): Form => {
        const title = `Crash test ${run} form ${i}`;
        return {
          verb: 'ticket.create',
          formId: '',
          title,
          data: {
            type: 'ChangeRequest',
            category: 'Devices',
            subcategory: 'Deployment groups assignment',
            title,
            description: 'Please move the finance devices.',
            severity: '4',
            givenName: 'Adele',
            surname: 'Vance',
            email: 'adele.vance@contoso.com',
            phone: '+1 425 555 0100',
          },
        };
      }),
      ...devices.map((deviceName, i): Form => {
        const title = `Crash test ${run} elevation ${i}`;
        return {
          verb: 'elevation.create',
          formId: '',
          title,
          deviceName,
          data: {
            deviceName,
            ticketChoice: ticketId,
            title,
            category: 'Office',
            subcategory: 'Excel',
            planOfAction: 'Re-register the add-in.',
          },
        };
      }),
    ];
    // Every create waits at the service a while, so kills land before, during and after it.
    emulator.faults.add({ method: 'POST', path: '/(tickets|elevationRequests)$', latencyMs: 150 });
    const storagePath = join(WORK, 'bot.sqlite');
    const answered = new Map<string, string>();
    let interrupted = 0;

    for (let life = 0; life < KILLS; life++) {
      child = await startChild(storagePath, emulator, life * LIFE_MS);
      const current = child;
      // Issued as the bot issues them (version-7 ids carrying the time), once its storage exists.
      if (life === 0) for (const form of forms) form.formId = newFormId(new Date());
      const killAt = prng.int(5, 400);
      const submits = forms.map(async (form) => {
        await new Promise((r) => setTimeout(r, prng.int(0, 300)));
        if (current.process.killed) return;
        const body = await submit(current, connector.url, form);
        if (!body) {
          interrupted += 1;
          return;
        }
        const id = resultId(form, body);
        if (id) answered.set(form.formId, id);
      });
      await new Promise((r) => setTimeout(r, killAt));
      await killHard(current.process);
      await Promise.all(submits);
    }

    // The last life: every form again, until each has its one result.
    child = await startChild(storagePath, emulator, LAST_LIFE_MS);
    const last = child;
    const results = await Promise.all(
      forms.map(async (form) => {
        for (let attempt = 0; ; attempt++) {
          const body = (await submit(last, connector.url, form))!;
          const id = resultId(form, body);
          if (id) return id;
          // Only "still being sent" (a submit of this life running) may be asked again.
          const says = typeof body.value === 'string' ? body.value : cardText(body.value);
          if (attempt >= 3 || !/still being sent/.test(says)) return `stuck: ${says.slice(0, 300)}`;
          await new Promise((r) => setTimeout(r, 500));
        }
      }),
    );
    await killHard(last.process);

    expect(interrupted).toBeGreaterThan(0);
    for (const [i, form] of forms.entries()) {
      const created =
        form.verb === 'ticket.create'
          ? (await mmd.tickets.list({ title: form.title, top: 10 })).items.filter((t) => t.title === form.title).map((t) => t.id)
          : (await mmd.elevations.list({ deviceName: form.deviceName!, top: 50 })).items
              .filter((r) => r.title === form.title)
              .map((r) => r.id);
      expect({ form: form.title, created }).toEqual({ form: form.title, created: [results[i]] });
      // A result seen before a kill is the one every later submit answers with.
      if (answered.has(form.formId)) expect(answered.get(form.formId)).toBe(results[i]);
    }
    const storage = new SqliteStorage(storagePath);
    try {
      const claims = await Promise.all(
        (await storage.list('forms/')).map(async (key) => ({ key, state: (await storage.get<{ state: string }>(key))?.value.state })),
      );
      expect(claims).toHaveLength(forms.length);
      expect(claims.filter((c) => c.state !== 'done')).toEqual([]);
    } finally {
      await storage.close();
    }
  }, 90_000);
});
