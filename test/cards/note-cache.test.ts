import { noteText } from '../../src/cards/note-rows';

/** Converted note texts are kept (issue 22: ticket turns); the cache must never change what is shown. */
describe('note text cache', () => {
  it('keeps HTML and text notes with the same characters apart', () => {
    const raw = 'first line\n<b>second</b>';
    const asHtml = noteText({ text: raw, renderType: 'html' });
    const asText = noteText({ text: raw, renderType: 'text' });
    expect(asText).toBe('first line\nsecond');
    expect(asHtml).toBe('first line second');
    // Asked again, in the other order: the same answers.
    expect(noteText({ text: raw, renderType: 'text' })).toBe(asText);
    expect(noteText({ text: raw, renderType: 'html' })).toBe(asHtml);
  });

  it('answers the same after many other notes pushed the first one out', () => {
    const first = noteText({ text: '<p>Reboot done</p><p>Closed</p>', renderType: 'html' });
    for (let i = 0; i < 1_200; i += 1) expect(noteText({ text: `<p>note ${i}</p>`, renderType: 'html' })).toBe(`note ${i}`);
    expect(noteText({ text: '<p>Reboot done</p><p>Closed</p>', renderType: 'html' })).toBe(first);
  });

  it('converts a long note without keeping it', () => {
    const long = `<p>${'x'.repeat(5_000)}</p>`;
    expect(noteText({ text: long, renderType: 'html' })).toBe('x'.repeat(5_000));
  });
});
