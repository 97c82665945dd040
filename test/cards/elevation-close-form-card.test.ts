import { randomUUID } from 'node:crypto';
import { closeElevationForm } from '../../src/cards/elevation-close-form-card';
import { findActions } from '../helpers/card-validation';
import { expectCleanCard, textOf } from './card-checks';
import { elevation, EVIL_LINK, NOW } from './sample-data';

describe('closeElevationForm', () => {
  it('shows what is known of the request, escaped, and sends the device back for the result card', () => {
    const formId = randomUUID();
    const request = elevation({ title: EVIL_LINK, deviceName: 'MMD-00007' });
    const card = closeElevationForm({ requestId: request.id, request, formId, now: NOW });
    expectCleanCard(card);
    expect(textOf(card)).toContain('MMD-00007');
    expect(findActions(card)).toEqual([
      expect.objectContaining({
        verb: 'elevation.close',
        style: 'destructive',
        data: { formId, requestId: request.id, deviceName: 'MMD-00007' },
      }),
      // No list to go back to: Cancel says nothing was changed.
      expect.objectContaining({ title: 'Cancel', verb: 'form.cancel', associatedInputs: 'none', data: { changed: true } }),
    ]);
  });

  it('works with the id alone', () => {
    const card = closeElevationForm({
      requestId: 'abc',
      formId: randomUUID(),
      now: NOW,
      errors: { actionsTaken: 'Describe the actions taken.' },
    });
    expectCleanCard(card);
    expect(textOf(card)).toMatch(/Please correct the field/);
  });
});
