/**
 * Issue 25 point 3: the determination follows the classification as Graph documents them; a pair
 * that does not go together is refused with a clear answer and nothing is sent to Graph.
 */
import { determinationFits, INCIDENT_CLASSIFICATIONS, INCIDENT_DETERMINATIONS } from '../../../src/graph/graph-enums';
import { DETERMINATION_CHOICES } from '../../../src/protocol/incident-rules';
import { cardText } from '../../helpers/bot-harness';
import { TurnHarness } from '../../helpers/turn-harness';
import { findElements } from '../../helpers/card-validation';
import { apiCalls, fieldError, invokeCard, press } from '../forms/form-helpers';

const PATCH = /\/v1\.0\/security\/incidents\/[^/]+$/;
const CREATE = /\/beta\/security\/incidents$/;

describe('incident classification and determination', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('"False positive" with "Malware" is refused on the detail card, and nothing is sent', async () => {
    const card = invokeCard(await harness.execute('incident.open', { id: '1014' }));
    const before = apiCalls(harness, 'PATCH', PATCH);
    const again = invokeCard(
      await press(harness, card, 'incident.update', {
        change: 'classification',
        classification: 'falsePositive',
        determination: 'malware',
      }),
    );
    expect(fieldError(again, 'determination')).toBe('Malware does not go with False positive: choose Other, Clean or Insufficient data.');
    expect(apiCalls(harness, 'PATCH', PATCH)).toBe(before);
    // The form comes back offering only what goes with False positive.
    const offered = (findElements(again, 'Input.ChoiceSet').find((i) => i.id === 'determination')!.choices as Array<{ value: string }>).map(
      (c) => c.value,
    );
    expect(offered).toEqual(['other', 'clean', 'insufficientData']);
    // A pair that goes together is saved.
    const saved = invokeCard(
      await press(harness, again, 'incident.update', { change: 'classification', classification: 'falsePositive', determination: 'clean' }),
    );
    expect(cardText(saved)).toMatch(/False positive/);
    expect(apiCalls(harness, 'PATCH', PATCH)).toBe(before + 1);
  });

  it('the new incident form refuses the same pair, and a determination without a classification', async () => {
    const form = invokeCard(await harness.execute('incident.newForm', {}));
    const before = apiCalls(harness, 'POST', CREATE);
    const base = { displayName: 'Test pair', severity: 'low' };
    const bad = invokeCard(
      await press(harness, form, 'incident.create', { ...base, classification: 'benignPositive', determination: 'phishing' }),
    );
    expect(fieldError(bad, 'determination')).toMatch(/^Phishing does not go with Benign positive: choose /);
    const alone = invokeCard(await press(harness, form, 'incident.create', { ...base, classification: '', determination: 'malware' }));
    expect(fieldError(alone, 'classification')).toMatch(/Choose the classification/);
    expect(apiCalls(harness, 'POST', CREATE)).toBe(before);
  });

  it('the choices name the classification each determination goes with', () => {
    for (const choice of DETERMINATION_CHOICES) {
      const [classTitle] = choice.title.split(' · ');
      if (choice.value === 'other') continue;
      const fits = INCIDENT_CLASSIFICATIONS.filter((c) => determinationFits(c, choice.value));
      expect({ value: choice.value, fits: fits.length }).toEqual({ value: choice.value, fits: 1 });
      expect(classTitle).not.toBe(choice.title);
    }
    // Every determination the bot knows is offered exactly once.
    expect(DETERMINATION_CHOICES.map((c) => c.value).sort()).toEqual([...INCIDENT_DETERMINATIONS].sort());
  });
});
