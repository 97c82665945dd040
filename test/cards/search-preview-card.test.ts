import { searchPreviewCard } from '../../src/cards/search-preview-card';
import { INJECTION, LONG } from './sample-data';

describe('searchPreviewCard', () => {
  it("is a thumbnail card with the result's title, subtitle and text, and the tap that asks for its full card", () => {
    expect(
      searchPreviewCard({
        title: 'MMD-00001',
        subtitle: 'Device · HP',
        text: 'adele@contoso.com',
        select: { kind: 'device', name: 'MMD-00001' },
      }),
    ).toEqual({
      title: 'MMD-00001',
      subtitle: 'Device · HP',
      text: 'adele@contoso.com',
      tap: { type: 'invoke', value: { kind: 'device', name: 'MMD-00001' } },
    });
  });

  it('escapes markup, keeps template syntax as text, tidies whitespace and cuts long text', () => {
    const card = searchPreviewCard({
      title: `<b>x</b> & "y"\n\n${INJECTION}`,
      subtitle: '<a href="https://evil.example">z</a>',
      text: LONG,
    });
    expect(card.title).toBe(`&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot; ${INJECTION}`);
    expect(card.subtitle).toBe('&lt;a href=&quot;https://evil.example&quot;&gt;z&lt;/a&gt;');
    expect(String(card.text).length).toBeLessThanOrEqual(160);
    expect(card.tap).toBeUndefined();
  });

  it('never has an empty title', () => {
    expect(searchPreviewCard({ title: '  ' }).title).toBe('—');
  });
});
