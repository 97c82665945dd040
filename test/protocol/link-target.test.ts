import { linkTarget } from '../../src/protocol/link-target';

const ID = '3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f';

describe('linkTarget', () => {
  it.each([
    [`https://intune.microsoft.com/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/overview/mdmDeviceId/${ID}`],
    [`https://intune.microsoft.com/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/hardware/mdmDeviceId/${ID.toUpperCase()}`],
    [`https://endpoint.microsoft.com/#blade/Microsoft_Intune_Devices/DeviceSettingsBlade/overview/mdmDeviceId/${ID}`],
    [`https://endpoint.microsoft.com/#blade/Microsoft_Intune_Devices/DeviceSettingsBlade/overview/deviceId/${ID}`],
    [`https://INTUNE.microsoft.com/?mdmDeviceId=${ID}`],
  ])('reads an Intune device link: %s', (link) => {
    expect(linkTarget(link)).toEqual({ kind: 'intuneDevice', intuneId: ID });
  });

  it('reads an admin center link holding a ticket id as that ticket', () => {
    expect(
      linkTarget('https://intune.microsoft.com/#view/Microsoft_Intune_MMD/ServiceRequestDetailsBlade/ticketId/mmd-1465058-r5v8p'),
    ).toEqual({
      kind: 'ticket',
      id: 'MMD-1465058-R5V8P',
    });
  });

  it('reads links on the bot domain, with or without a port, only when one is configured', () => {
    expect(linkTarget('https://bot.contoso.com/devices/MMD-00001', 'bot.contoso.com')).toEqual({ kind: 'device', name: 'MMD-00001' });
    expect(linkTarget('https://bot.contoso.com/ticket/mmd-1465058-r5v8p', 'bot.contoso.com')).toEqual({
      kind: 'ticket',
      id: 'MMD-1465058-R5V8P',
    });
    expect(linkTarget('http://localhost:3978/?device=pc-01', 'localhost:3978')).toEqual({ kind: 'device', name: 'pc-01' });
    expect(linkTarget('https://bot.contoso.com/devices/MMD-00001')).toEqual({ kind: 'none' });
  });

  it.each([
    ['another host', 'https://evil.example/#mdmDeviceId/' + ID, 'bot.contoso.com'],
    ['a look-alike host', `https://intune.microsoft.com.evil.example/mdmDeviceId/${ID}`, undefined],
    ['no GUID after mdmDeviceId', 'https://intune.microsoft.com/#view/x/mdmDeviceId/not-a-guid', undefined],
    ['an admin center page', 'https://intune.microsoft.com/#home', undefined],
    ['a bad device name on the bot domain', 'https://bot.contoso.com/devices/a%20b', 'bot.contoso.com'],
    ['a device name over 64 characters', `https://bot.contoso.com/devices/${'a'.repeat(65)}`, 'bot.contoso.com'],
    ['broken escapes', 'https://bot.contoso.com/devices/%E0%A4%A', 'bot.contoso.com'],
    ['another scheme', `ftp://intune.microsoft.com/mdmDeviceId/${ID}`, undefined],
    ['not a URL', 'intune.microsoft.com', undefined],
    ['a link over 2048 characters', `https://intune.microsoft.com/mdmDeviceId/${ID}?${'x'.repeat(2048)}`, undefined],
  ])('ignores %s', (_what, link, domain) => {
    expect(linkTarget(link, domain)).toEqual({ kind: 'none' });
  });
});
