import { stillLoadingCard } from '../../src/cards/still-loading-card';
import { expectCleanCard, textOf } from './card-checks';

describe('stillLoadingCard', () => {
  it('says what is still loading, to try again, and the reference', () => {
    const card = stillLoadingCard({ what: 'Searching devices and tickets', correlationId: '0b7c2f4e-1d2a-4c3b-9e8f-123456789abc' });
    expectCleanCard(card);
    expect(textOf(card)).toContain('Still loading, try again');
    expect(textOf(card)).toContain('Searching devices and tickets is taking longer than Teams waits.');
    expect(textOf(card)).toContain('0b7c2f4e-1d2a-4c3b-9e8f-123456789abc');
  });
});
