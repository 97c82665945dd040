import { renderCard } from '../../src/cards/render';
import { MAX_CARD_BYTES, validateCard } from '../helpers/card-validation';

const base = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5' };

// The helper is what every card test relies on: it must catch what it claims to.
describe('validateCard', () => {
  it('accepts a valid 1.5 card', () => {
    expect(validateCard({ ...base, body: [{ type: 'TextBlock', text: 'hi' }] })).toEqual([]);
  });

  it('reports unknown elements, bad enum values and duplicate ids', () => {
    const problems = validateCard({
      ...base,
      body: [
        { type: 'Fancy' },
        { type: 'TextBlock', text: 'x', color: 'Purple' },
        { type: 'Input.Text', id: 'a' },
        { type: 'Input.Text', id: 'a' },
      ],
    });
    expect(problems.join('\n')).toMatch(/UnknownElementType/);
    expect(problems.join('\n')).toMatch(/InvalidPropertyValue/);
    expect(problems.join('\n')).toMatch(/DuplicateId/);
  });

  it('reports features newer than 1.5', () => {
    // Icon (and Badge) arrived after 1.5: Teams would not render them.
    const problems = validateCard({ ...base, body: [{ type: 'Icon', name: 'Calendar' }] });
    expect(problems.length).toBeGreaterThan(0);
  });

  it('reports version, schema, template leftovers, size and missing fallbacks', () => {
    expect(validateCard({ type: 'AdaptiveCard', version: '1.6', body: [] })).toEqual(
      expect.arrayContaining(['version is 1.6, not 1.5', '$schema is missing']),
    );
    expect(validateCard({ ...base, body: [{ type: 'TextBlock', text: 'Hi ${name}' }] })).toEqual(['unexpanded template text: Hi ${name}']);
    expect(validateCard({ ...base, body: [{ type: 'TextBlock', text: 'Hi ${name}' }] }, { allowLiterals: ['${name}'] })).toEqual([]);
    const big = { ...base, body: [{ type: 'TextBlock', text: 'x'.repeat(MAX_CARD_BYTES) }] };
    expect(validateCard(big).join()).toMatch(/bytes, limit/);
    const noFallback = { ...base, actions: [{ type: 'Action.Execute', title: 'Go', verb: 'help', data: {} }] };
    expect(validateCard(noFallback)).toEqual(['Action.Execute "help" has no Action.Submit fallback']);
    const wrongFallback = {
      ...base,
      actions: [
        {
          type: 'Action.Execute',
          title: 'Go',
          verb: 'x',
          data: { a: 1 },
          fallback: { type: 'Action.Submit', title: 'Go', data: { a: 1 } },
        },
      ],
    };
    expect(validateCard(wrongFallback)).toEqual(['Action.Execute "x" fallback data is not { verb, ...data }']);
  });
});

describe('renderCard', () => {
  it('drops null properties so templates can leave optional ones out', () => {
    const card = renderCard('device-list', {
      heading: 'Devices',
      showing: '',
      emptyText: '',
      rows: [
        { name: 'a', open: null, nameColor: 'Default', detail: 'd', compliance: { text: 'x', color: 'Default', subtle: true }, sync: 's' },
      ],
      actions: [],
    });
    expect(JSON.stringify(card)).not.toContain('null');
    expect(JSON.stringify(card)).not.toContain('selectAction');
  });
});
