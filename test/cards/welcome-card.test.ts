import { welcomeCard } from '../../src/cards/welcome-card';
import { expectCleanCard, textOf, verbs } from './card-checks';
import { EVIL_LINK } from './sample-data';

describe('welcomeCard', () => {
  it('greets by name, says sandbox, and offers starter commands', () => {
    const card = welcomeCard({ mode: 'sandbox', userName: 'Alex Wilber', canCreate: true });
    expectCleanCard(card);
    expect(textOf(card)).toContain("Hi Alex Wilber, I'm MMD Assist.");
    expect(textOf(card)).toContain('Sandbox mode: you are talking to a built-in emulator');
    expect(verbs(card)).toEqual([
      ['command', { text: 'help' }],
      ['command', { text: 'devices' }],
      ['command', { text: 'tickets active' }],
      ['command', { text: 'new ticket' }],
    ]);
  });

  it('offers New ticket only to a role that can create; a group chat is told to @mention', () => {
    const reader = welcomeCard({ mode: 'sandbox', canCreate: false });
    expect(verbs(reader).map(([, data]) => (data as { text: string }).text)).toEqual(['help', 'devices', 'tickets active']);
    expect(textOf(reader)).toContain('Type help at any time');
    const group = welcomeCard({ mode: 'sandbox', inGroup: true, canCreate: true });
    expectCleanCard(group);
    expect(textOf(group)).toContain('@MMD Assist help');
    expect(textOf(group)).not.toContain('Type help at any time');
  });

  it('says live mode and copes with no or nasty names', () => {
    const card = welcomeCard({ mode: 'live' });
    expectCleanCard(card);
    expect(textOf(card)).toContain("Hi, I'm MMD Assist.");
    expect(textOf(card)).toContain('Connected to your Microsoft Managed Desktop tenant.');
    expect(textOf(card)).not.toContain('Sandbox');
    expectCleanCard(welcomeCard({ mode: 'live', userName: EVIL_LINK }));
  });
});
