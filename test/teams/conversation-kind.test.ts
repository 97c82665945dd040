import { conversationKind } from '../../src/teams/conversation-kind';

describe('conversationKind', () => {
  it.each([
    [{ conversationType: 'personal' }, 'personal'],
    [{ conversationType: 'personal', isGroup: false }, 'personal'],
    [{ conversationType: 'groupChat', isGroup: true }, 'groupChat'],
    [{ conversationType: 'channel', isGroup: true }, 'channel'],
    [{ isGroup: true }, 'groupChat'],
    // Fails closed: what Teams did not call personal is not personal.
    [{ conversationType: 'personal', isGroup: true }, 'unknown'],
    [{ conversationType: 'meeting' }, 'unknown'],
    [{}, 'unknown'],
    [{ isGroup: false }, 'unknown'],
    [undefined, 'unknown'],
  ] as const)('%j is %s', (conversation, kind) => {
    expect(conversationKind(conversation)).toBe(kind);
  });

  it('an unmarked conversation is personal only where the Playground is the client', () => {
    expect(conversationKind({}, true)).toBe('personal');
    expect(conversationKind({ isGroup: false }, true)).toBe('personal');
    expect(conversationKind({ isGroup: true }, true)).toBe('groupChat');
    expect(conversationKind({ conversationType: 'meeting' }, true)).toBe('unknown');
  });
});
