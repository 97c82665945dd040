import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { nextFormId } from '../../../src/bot/forms/next-form-id';

test('nextFormId: a UUID the verb schemas accept, the same for the same form, new for each form', () => {
  for (let i = 0; i < 200; i++) {
    const formId = randomUUID();
    const next = nextFormId(formId);
    expect(z.uuid().safeParse(next).success).toBe(true);
    expect(next).toBe(nextFormId(formId));
    expect(next).not.toBe(formId);
    expect(nextFormId(next)).not.toBe(next);
  }
});
