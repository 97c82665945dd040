/**
 * Intune enrollment failures in chat, over the bot's real /api/messages against the emulator:
 * the list (tenant, device, user) with paging, one event, and the report form, prefilled from a
 * device card's button, with its invalid, tampered, double and refused submits.
 */
import { cardOf, cardText, answerText } from '../../helpers/bot-harness';
import { TurnHarness } from '../../helpers/turn-harness';
import { findActions } from '../../helpers/card-validation';
import { expectCleanCard } from '../../cards/card-checks';
import type { Device } from '../../../src/mmd/types';
import { action, apiCalls, fieldError, inputs, invokeCard, invokeMessage, press } from '../forms/form-helpers';
import { refuseCreate } from './graph-test-helpers';

type Json = Record<string, unknown>;

const CREATE = /\/beta\/deviceManagement\/troubleshootingEvents$/;
const REPORT: Json = {
  enrollmentType: 'windowsAutoEnrollment',
  failureCategory: 'authentication',
  failureReason: 'The user could not be authenticated (0x80180002).',
};

const rowIds = (card: unknown): string[] =>
  findActions(card)
    .filter((a) => a.verb === 'enrollmentFailure.open')
    .map((a) => String((a.data as Json).id));

describe('enrollment failures in chat', () => {
  let harness: TurnHarness;
  /** A device Intune knows: the emulator's seed gives the first such device enrollment events. */
  let device: Device;

  beforeAll(async () => {
    harness = await TurnHarness.start();
    const page = await harness.app.mmd.devices.list({ top: 50 });
    device = page.items.find((d) => d.intuneId && d.aadDeviceId && d.userUpn)!;
    if (!device) throw new Error('no Intune device in the seed');
  });
  afterAll(async () => {
    await harness?.stop();
  });
  afterEach(async () => {
    harness.app.emulator?.faults.clear();
    await refuseCreate(harness, 'troubleshootingEvents', null);
  });

  it('"enrollment failures" lists recent ones newest first, with paging', async () => {
    const list = cardOf((await harness.say('enrollment failures'))[0]);
    expectCleanCard(list);
    const first = rowIds(list);
    expect(first).toHaveLength(10);
    const next = invokeCard(await harness.execute('enrollmentFailures.page', action(list, 'enrollmentFailures.page').data));
    expectCleanCard(next);
    const second = rowIds(next);
    expect(second.length).toBeGreaterThan(0);
    expect(second.some((id) => first.includes(id))).toBe(false);
  });

  it('"enrollment failures <device>" asks Graph by the device’s Intune and Entra ids', async () => {
    const list = cardOf((await harness.say(`enrollment failures ${device.name}`))[0]);
    expectCleanCard(list);
    expect(rowIds(list).length).toBeGreaterThan(0);
    const last = harness.app
      .emulator!.requestLog()
      .filter((r) => r.url.includes('/troubleshootingEvents?'))
      .at(-1)!;
    const url = decodeURIComponent(last.url).replace(/\+/g, ' ');
    expect(url).toContain(`managedDeviceIdentifier eq '${device.intuneId}'`);
    expect(url).toContain(`deviceId eq '${device.aadDeviceId}'`);
    const detail = invokeCard(await harness.execute('enrollmentFailure.open', { id: rowIds(list)[0] }));
    expectCleanCard(detail);
    expect(cardText(detail)).toContain(device.intuneId!);
    expect(answerText((await harness.say('enrollment failures MMD-99999'))[0])).toMatch(/could not find a device named/);
  });

  it('"enrollment failures <upn>" filters on the user', async () => {
    const list = cardOf((await harness.say(`enrollment failures ${device.userUpn}`))[0]);
    expectCleanCard(list);
    const last = harness.app
      .emulator!.requestLog()
      .filter((r) => r.url.includes('/troubleshootingEvents?'))
      .at(-1)!;
    expect(decodeURIComponent(last.url).replace(/\+/g, ' ')).toContain(`userId eq '${device.userUpn!.toLowerCase()}'`);
  });

  it('"report enrollment failure <device>" prefills the device’s ids, OS version and user', async () => {
    const form = cardOf((await harness.say(`report enrollment failure ${device.name}`))[0]);
    expect(inputs(form)).toMatchObject({
      managedDeviceIdentifier: device.intuneId,
      deviceId: device.aadDeviceId,
      userId: device.userUpn,
      operatingSystem: 'Windows',
      ...(device.osVersion ? { osVersion: device.osVersion } : {}),
    });
  });

  it('from the device card: the button prefills the form, the report is recorded once and replaces the form', async () => {
    const deviceCard = cardOf((await harness.say(`device ${device.name}`))[0]);
    const button = findActions(deviceCard).find((a) => a.title === 'Report enrollment failure')!;
    expect(button.data).toEqual({ deviceName: device.name, from: { verb: 'device.open', data: { name: device.name } } });
    const form = invokeCard(await harness.execute(String(button.verb), button.data));
    expect(inputs(form)).toMatchObject({ managedDeviceIdentifier: device.intuneId, deviceId: device.aadDeviceId, userId: device.userUpn });
    const before = apiCalls(harness, 'POST', CREATE);
    const first = invokeCard(await press(harness, form, 'enrollmentFailure.report', REPORT));
    const second = invokeCard(await press(harness, form, 'enrollmentFailure.report', REPORT));
    expect(apiCalls(harness, 'POST', CREATE)).toBe(before + 1);
    expectCleanCard(first);
    expect(second).toEqual(first);
    expect(() => action(first, 'enrollmentFailure.report')).toThrow();
    expect(cardText(first)).toContain(device.intuneId!);
    expect(cardText(first)).toMatch(/0x80180002/);
    // It is in the device's list now.
    const list = cardOf((await harness.say(`enrollment failures ${device.name}`))[0]);
    expect(cardText(list)).toMatch(/0x80180002/);
  });

  it('invalid input keeps the form and what was typed, and sends nothing', async () => {
    const form = cardOf((await harness.say('report enrollment failure'))[0]);
    const before = apiCalls(harness, 'POST', CREATE);
    const again = invokeCard(await press(harness, form, 'enrollmentFailure.report', { ...REPORT, failureReason: 'Kept as typed' }));
    expect(fieldError(again, 'managedDeviceIdentifier')).toMatch(/Name the device/);
    expect(inputs(again).failureReason).toBe('Kept as typed');
    expect(apiCalls(harness, 'POST', CREATE)).toBe(before);
  });

  it.each<[string, Json]>([
    ['an unknown enrollment type', { enrollmentType: 'byMagic' }],
    ['a formId that is no UUID', { formId: 'x' }],
    ['a reason of the wrong type', { failureReason: { a: 1 } }],
  ])('tampered data (%s) changes nothing', async (_name, change) => {
    const form = cardOf((await harness.say(`report enrollment failure ${device.name}`))[0]);
    const before = apiCalls(harness, 'POST', CREATE);
    expect(invokeMessage(await press(harness, form, 'enrollmentFailure.report', { ...REPORT, ...change }))).toMatch(/nothing was changed/);
    expect(apiCalls(harness, 'POST', CREATE)).toBe(before);
  });

  it('a refused report (403) is shown as the service said it, with the permission needed', async () => {
    await refuseCreate(harness, 'troubleshootingEvents', 403);
    const form = cardOf((await harness.say(`report enrollment failure ${device.name}`))[0]);
    const refused = invokeCard(await press(harness, form, 'enrollmentFailure.report', REPORT));
    const text = cardText(refused).replace(/\\/g, '');
    expect(text).toMatch(/Microsoft Graph refused this \(HTTP 403, Forbidden\), so nothing was recorded\. It said: \S/);
    expect(text).toMatch(/DeviceManagementManagedDevices\.ReadWrite\.All/);
    expect(inputs(refused).managedDeviceIdentifier).toBe(device.intuneId);
  });
});
