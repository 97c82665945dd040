import { helpCard } from '../../src/cards/help-card';
import { COMMANDS } from '../../src/intents/commands';
import { cardBytes } from '../helpers/card-validation';
import { expectCleanCard, textOf, verbs } from './card-checks';

describe('helpCard', () => {
  it('groups the commands with usage, description and a Try button running the example', () => {
    const card = helpCard({ commands: COMMANDS, mode: 'live' });
    expectCleanCard(card);
    const text = textOf(card);
    const groups = ['Devices and users', 'Support tickets', 'Elevation requests', 'Security and enrollment', 'General'];
    const positions = groups.map((g) => text.indexOf(g));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('devices [search]');
    expect(text).toContain('ticket <id>');
    expect(text).toContain('List support tickets, newest first, with filters.');
    const nonAdmin = COMMANDS.filter((c) => !c.adminOnly);
    expect(verbs(card)).toEqual(
      // In group order, as the card shows them.
      groups.flatMap((g) => nonAdmin.filter((c) => c.group === g).map((c) => ['command', { text: c.example, keep: 'help' }])),
    );
    expect(text).not.toContain('Sandbox mode');
  });

  it('lists admin-only commands only for admins', () => {
    const user = textOf(helpCard({ commands: COMMANDS, mode: 'live' }));
    const admin = helpCard({ commands: COMMANDS, mode: 'live', isAdmin: true });
    expectCleanCard(admin);
    expect(user).not.toContain('audit');
    expect(textOf(admin)).toContain('audit');
    expect(textOf(admin)).toContain('Admins only.');
    expect(verbs(admin)).toContainEqual(['command', { text: 'audit', keep: 'help' }]);
  });

  it('says clearly when the bot runs in sandbox mode', () => {
    const card = helpCard({ commands: COMMANDS, mode: 'sandbox' });
    expectCleanCard(card);
    expect(textOf(card)).toContain(
      'Sandbox mode: you are talking to a built-in emulator with sample data; set MMD_API_BASE_URL and credentials to use your tenant.',
    );
    console.log(`help (admin, sandbox): ${cardBytes(helpCard({ commands: COMMANDS, mode: 'sandbox', isAdmin: true }))} B`);
  });
});
