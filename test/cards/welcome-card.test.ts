import { welcomeCard } from '../../src/cards/welcome-card';
import { expectCleanCard, textOf, verbs } from './card-checks';
import { EVIL_LINK } from './sample-data';

describe('welcomeCard', () => {
  it('greets by name, says sandbox, and offers starter commands', () => {
    const card = welcomeCard({ mode: 'sandbox', userName: 'Alex Wilber' });
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

  it('says live mode and copes with no or nasty names', () => {
    const card = welcomeCard({ mode: 'live' });
    expectCleanCard(card);
    expect(textOf(card)).toContain("Hi, I'm MMD Assist.");
    expect(textOf(card)).toContain('Connected to your Microsoft Managed Desktop tenant.');
    expect(textOf(card)).not.toContain('Sandbox');
    expectCleanCard(welcomeCard({ mode: 'live', userName: EVIL_LINK }));
  });
});
