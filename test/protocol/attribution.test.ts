import { attribute, attributionLine } from '../../src/protocol/attribution';

describe('attribution', () => {
  it('names the admin with name and UPN, or whichever is known', () => {
    expect(attributionLine({ name: 'Alex Wilber', upn: 'alexw@contoso.com' })).toBe('— Alex Wilber (alexw@contoso.com) via MMD Assist');
    expect(attributionLine({ name: 'alexw@contoso.com', upn: 'AlexW@contoso.com' })).toBe('— alexw@contoso.com via MMD Assist');
    expect(attributionLine({ upn: 'alexw@contoso.com' })).toBe('— alexw@contoso.com via MMD Assist');
    expect(attributionLine({ aadObjectId: 'aad-1' })).toBe('— a Teams user (aad-1) via MMD Assist');
  });

  it('keeps line breaks and control characters of a display name out of the line', () => {
    expect(attributionLine({ name: 'Alex\n\u202eWilber\u0000', upn: ' a@b.c ' })).toBe('— Alex Wilber (a@b.c) via MMD Assist');
  });

  it('appends within the limit, never cutting the line: too long asks for room instead', () => {
    const author = { name: 'Alex Wilber', upn: 'alexw@contoso.com' };
    const line = '\n\n— Alex Wilber (alexw@contoso.com) via MMD Assist';
    const room = 100 - line.length;
    expect(attribute('x'.repeat(room), author, 100)).toEqual({ ok: true, text: `${'x'.repeat(room)}${line}` });
    expect(attribute('x'.repeat(room + 1), author, 100)).toEqual({ ok: false, room });
  });
});
