import { deviceDetailCard } from '../../src/cards/device-detail-card';
import { cardBytes } from '../helpers/card-validation';
import { button, expectCleanCard, hasButton, textOf, verbs, labelledValues, findTexts } from './card-checks';
import { NOW, config, device, nastyDevice } from './sample-data';

describe('deviceDetailCard', () => {
  it('shows the documented properties of the example device', () => {
    const card = deviceDetailCard({ device: device(), now: NOW });
    expectCleanCard(card);
    const facts = labelledValues(card);
    expect(facts).toMatchObject({
      'Serial number': 'Serial number value',
      'Intune ID': 'Intune Id value',
      'Manufacturer / model': 'Microsoft Corporation / Virtual Machine',
      OS: '10.0.19043.1586 · Enterprise',
      Persona: 'Standard',
      Plan: 'Premium',
      'Update ring': 'Test',
      Enrolled: '5 years ago (2021-07-05 09:22 UTC)',
      Age: '9.3 months',
      'Profile assignment': 'Successful',
      'Management agent': 'Intune',
      'Assigned user': 'firstName lastName · username@contoso.onmicrosoft.com',
      'Microsoft Entra device ID': 'aadDeviceId',
      'Last sync': '3 days ago (2026-11-19 14:02 UTC)',
    });
    const text = textOf(card);
    expect(text).toContain('Groups (2)');
    expect(text).toContain('Modern Workplace Devices-Test');
    expect(text).toContain('Immediate ring for device rollout');
    expect(text).toContain('Configurations (5)');
    expect(text).toContain('Modern Workplace - Edge Update Policy [Test]');
    expect(text).toContain('App · version 1 · not reported yet');
    expect(text).toContain('Policy · version 1 · reported 6 years ago');
  });

  it('offers enrollment troubleshooting, user, elevation, ticket and refresh buttons with the right data', () => {
    const card = deviceDetailCard({ device: device(), now: NOW });
    expect(verbs(card)).toEqual([
      // All in the body, each group under a heading that names it (issue 25).
      ['user.open', { upn: 'username@contoso.onmicrosoft.com' }],
      // Forms carry the card they came from: their Cancel comes back here.
      ['elevations.page', { deviceName: 'MMD-123456789', skip: 0 }],
      ['elevation.requestForm', { deviceName: 'MMD-123456789', from: { verb: 'device.open', data: { name: 'MMD-123456789' } } }],
      ['ticket.newForm', { deviceName: 'MMD-123456789', from: { verb: 'device.open', data: { name: 'MMD-123456789' } } }],
      ['device.open', { name: 'MMD-123456789' }],
      ['enrollmentFailures.page', { deviceName: 'MMD-123456789', skip: 0 }],
      ['enrollmentFailure.reportForm', { deviceName: 'MMD-123456789', from: { verb: 'device.open', data: { name: 'MMD-123456789' } } }],
    ]);
    // The heading right above each action set names what is in it; nothing under the card's own actions.
    const body = (card as { body: Array<Record<string, unknown>> }).body;
    const headingBefore = (verb: string) => {
      const at = body.findIndex((el) => el.type === 'ActionSet' && JSON.stringify(el.actions).includes(`"verb":"${verb}"`));
      return body[at - 1]?.text;
    };
    expect(headingBefore('elevations.page')).toBe('Device, user, elevation and tickets');
    expect(headingBefore('enrollmentFailures.page')).toBe('Enrollment troubleshooting');
    expect((card as { actions?: unknown[] }).actions ?? []).toEqual([]);
    expect(button(card, 'Request elevation').fallback).toEqual({
      type: 'Action.Submit',
      title: 'Request elevation',
      data: { verb: 'elevation.requestForm', deviceName: 'MMD-123456789', from: { verb: 'device.open', data: { name: 'MMD-123456789' } } },
    });
  });

  it('puts failed deployments first, in the attention colour, and other statuses distinct', () => {
    const card = deviceDetailCard({ device: device(), now: NOW });
    const statuses = findTexts(card)
      .filter((t) => t.horizontalAlignment === 'Right')
      .map((t) => [t.text, t.color ?? 'Default', t.isSubtle === true]);
    expect(statuses).toEqual([
      ['❌ Failed', 'Attention', false],
      ['✅ Compliant', 'Good', false],
      ['✅ Compliant', 'Good', false],
      ['✅ Success', 'Good', false],
      ['Not applicable', 'Default', true],
    ]);
    // The device's own compliance badge.
    expect(findTexts(card).find((t) => t.text === '❌ Non-compliant')?.color).toBe('Attention');
  });

  it('a device as a search result carries it (no groups, no configurations) leaves them out instead of saying "(0)"', () => {
    const card = deviceDetailCard({ device: device({ groups: [], configurations: [] }), now: NOW, whole: false });
    const text = JSON.stringify(card);
    expect(text).not.toContain('Groups (0)');
    expect(text).not.toContain('Not in any group');
    expect(text).not.toContain('Configurations (0)');
    expect(text).toContain('Groups and configurations are not in search results');
    expect(JSON.stringify(deviceDetailCard({ device: device({ groups: [] }), now: NOW }))).toContain('Groups (0)');
  });

  it('caps long lists and says how many are left out', () => {
    const many = device({
      groups: Array.from({ length: 30 }, (_, i) => ({ id: String(i), displayName: `Group ${i}`, description: null, countMembers: null })),
      configurations: Array.from({ length: 60 }, (_, i) =>
        config({ name: `Config ${i}`, deploymentStatus: i === 59 ? 'Error' : 'Success' }),
      ),
    });
    const card = deviceDetailCard({ device: many, now: NOW });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toContain('Groups (30)');
    expect(text).toContain('…and 15 more groups not shown.');
    expect(text).toContain('…and 45 more configurations not shown.');
    expect(text).toContain('Config 59'); // the error, sorted to the top
    expect(text).not.toContain('Group 15');
  });

  it('survives nasty data and leaves out buttons it cannot fill', () => {
    const card = deviceDetailCard({ device: nastyDevice(), now: NOW });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toContain('Enrolled');
    expect(text).toContain('(unnamed group)');
    expect(hasButton(card, 'Assigned user')).toBe(false);
    const empty = deviceDetailCard({ device: nastyDevice({ name: '', groups: [], configurations: [] }), now: NOW });
    expectCleanCard(empty);
    expect(textOf(empty)).toContain('(no name)');
    expect(textOf(empty)).toContain('Not in any group.');
    expect(textOf(empty)).toContain('No configurations reported.');
    expect(verbs(empty)).toEqual([]);
    console.log(
      `device detail: example ${cardBytes(deviceDetailCard({ device: device(), now: NOW }))} B, nasty (40 long configurations) ${cardBytes(card)} B`,
    );
  });
});
