import { errorCard } from '../../src/cards/error-card';
import { findElements } from '../helpers/card-validation';
import { expectCleanCard, textOf } from './card-checks';
import { EVIL_LINK, INJECTION, LONG } from './sample-data';

describe('errorCard', () => {
  it('says what failed, that a retry may help, and the reference', () => {
    const card = errorCard({
      what: 'Looking up device MMD-1',
      message: 'Service unavailable',
      retryable: true,
      correlationId: 'c0ffee-42',
    });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toContain('Something went wrong while looking up device MMD-1.');
    expect(text).toContain('The service said: Service unavailable');
    expect(text).toContain('trying again in a minute may help');
    const runs = findElements(card, 'TextRun').map((r) => r.text);
    expect(runs.slice(-2)).toEqual(['Reference: ', 'c0ffee-42']);
    expect(findElements(card, 'Container')[0]!.style).toBe('attention');
  });

  it('says when retrying will not help, and leaves out an absent message', () => {
    const card = errorCard({ what: 'MMD tenant lookup', retryable: false, correlationId: 'abc' });
    expectCleanCard(card);
    expect(textOf(card)).toContain('Something went wrong while MMD tenant lookup.');
    expect(textOf(card)).toContain('Trying again will not help.');
    expect(textOf(card)).not.toContain('The service said');
  });

  it('escapes the service message and the subject', () => {
    const card = errorCard({
      what: `Opening ticket ${EVIL_LINK}`,
      message: `${EVIL_LINK} <b>${INJECTION}</b> ${LONG}`,
      retryable: false,
      correlationId: '',
    });
    expectCleanCard(card);
    expect(textOf(card)).toContain('while opening ticket [click]');
    expect(findElements(card, 'TextRun').at(-1)!.text).toBe('none');
    expect(textOf(card)).toContain(`The service said: ${EVIL_LINK} <b>${INJECTION}</b>`);
  });
});
