import { cardText } from '../../helpers/bot-harness';
import { TurnHarness } from '../../helpers/turn-harness';
import { invoke, resultsOf } from './extension-helpers';

const LINK = 'composeExtension/queryLink';
const BOT_DOMAIN = 'mmd-assist.example.com';

const intuneLink = (id: string) =>
  `https://intune.microsoft.com/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/overview/mdmDeviceId/${id}`;
const endpointLink = (id: string) =>
  `https://endpoint.microsoft.com/#blade/Microsoft_Intune_Devices/DeviceSettingsBlade/overview/mdmDeviceId/${id}`;

describe('message extension: link unfurling (composeExtension/queryLink)', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start({ env: { BOT_DOMAIN } });
  });
  afterAll(async () => {
    await harness?.stop();
  });
  afterEach(() => harness.app.emulator?.faults.clear());

  async function unfurl(url: unknown) {
    const { status, body } = await invoke(harness, LINK, { url });
    expect(status).toBe(200);
    return resultsOf(body);
  }

  /** A device from deep in the list: found only by reading past the first page. */
  async function deviceWithIntuneId() {
    const page = await harness.app.mmd.devices.list({ skip: 40, top: 20 });
    const device = page.items.find((d) => d.intuneId);
    if (!device?.intuneId) throw new Error('the sample data has no device with an Intune id');
    return { name: device.name, intuneId: device.intuneId };
  }

  it.each([
    ['intune.microsoft.com', intuneLink],
    ['endpoint.microsoft.com', endpointLink],
  ])('unfurls an Intune admin center device link on %s into the device card', async (_host, link) => {
    const device = await deviceWithIntuneId();
    const [result] = await unfurl(link(device.intuneId.toUpperCase()));
    expect(cardText(result!.content)).toContain(device.name);
    expect(cardText(result!.content)).toContain(device.intuneId);
    expect(result!.preview.content.title).toBe(device.name);
  });

  it('answers an Intune device MMD does not manage with the not-found card', async () => {
    const [result] = await unfurl(intuneLink('00000000-0000-4000-8000-00000000dead'));
    expect(cardText(result!.content)).toMatch(/No device named .*00000000-0000-4000-8000-00000000dead/);
  });

  it('unfurls an admin center ticket link (Service requests, ticket id in the route) into the ticket card', async () => {
    const ticket = (await harness.app.mmd.tickets.list({ top: 1 })).items[0]!;
    const [result] = await unfurl(
      `https://intune.microsoft.com/#view/Microsoft_Intune_MMD/ServiceRequestDetailsBlade/ticketId/${ticket.id}`,
    );
    expect(cardText(result!.content)).toContain(ticket.id);
  });

  it('unfurls links on the bot domain into the device or ticket card', async () => {
    const ticket = (await harness.app.mmd.tickets.list({ top: 1 })).items[0]!;
    expect(cardText((await unfurl(`https://${BOT_DOMAIN}/devices/MMD-00002`))[0]!.content)).toContain('MMD-00002');
    expect(cardText((await unfurl(`https://${BOT_DOMAIN}/tickets/${ticket.id}`))[0]!.content)).toContain(ticket.id);
    expect(cardText((await unfurl(`https://${BOT_DOMAIN}/?device=MMD-00003`))[0]!.content)).toContain('MMD-00003');
  });

  it.each([
    ['another site', 'https://example.com/devices/MMD-00001'],
    ['an admin center page that is no device or ticket', 'https://intune.microsoft.com/#home'],
    ['a bot domain page that is no device or ticket', `https://${BOT_DOMAIN}/privacy`],
    ['a device name that is not one', `https://${BOT_DOMAIN}/devices/%3Cscript%3E`],
    ['not a link', 'not a url'],
    ['a javascript: link', 'javascript:alert(1)'],
    ['an oversized link', `https://${BOT_DOMAIN}/devices/MMD-00001?${'x'.repeat(3000)}`],
    ['no url at all', undefined],
  ])('gives no card for %s (Teams shows the link as pasted)', async (_what, url) => {
    expect(await unfurl(url)).toEqual([]);
  });

  it('answers "still loading" within the deadline when the device list is slow', async () => {
    // An invoke deadline of 0.6 s instead of Teams' 4.5 s: the rule, not the length, is tested.
    const quick = await TurnHarness.start({ env: { BOT_DOMAIN }, deadlines: { messageMs: 12_000, invokeMs: 600 } });
    try {
      quick.app.emulator!.faults.add({ path: '/devices$', latencyMs: 3000, times: 1 });
      const { status, body } = await invoke(quick, LINK, { url: intuneLink('00000000-0000-4000-8000-00000000beef') });
      expect(status).toBe(200);
      const [result] = resultsOf(body);
      expect(cardText(result!.content)).toMatch(/Still loading, try again/);
    } finally {
      await quick.stop();
    }
  });
});
