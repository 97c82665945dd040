import { prefillFromMessage, readMessage } from '../../../src/bot/extensions/message-prefill';

describe('prefillFromMessage', () => {
  it('reduces HTML to text and names the devices and tickets in it', () => {
    const facts = readMessage({
      content: '<div>Laptop <b>DESKTOP-AB12CD</b> and mmd-00042 fail; see MMD-1465058-R5V8P, mmd-1465058-r5v8p again.</div><img src="x">',
      html: true,
    });
    expect(facts.text).toBe('Laptop DESKTOP-AB12CD and mmd-00042 fail; see MMD-1465058-R5V8P, mmd-1465058-r5v8p again.');
    expect(facts.devices).toEqual(['DESKTOP-AB12CD', 'MMD-00042']);
    expect(facts.tickets).toEqual(['MMD-1465058-R5V8P']);
  });

  it('reads text that holds tags as HTML too (as ticket notes are read): no markup reaches the form', () => {
    expect(readMessage({ content: 'a <script>x</script> c', html: false }).text).toBe('a c');
    expect(readMessage({ content: 'plain 1 < 2 text', html: false }).text).toBe('plain 1 < 2 text');
  });

  it('drops a link that is not https', () => {
    const prefill = prefillFromMessage({ content: 'hello', html: false, link: 'javascript:alert(1)', author: 'Megan' });
    expect(prefill.description).toBe('hello\n\nTeams message from Megan');
  });

  it('has nothing to fill without a message', () => {
    expect(prefillFromMessage(undefined)).toEqual({});
  });

  it('gives an empty message no title', () => {
    expect(prefillFromMessage({ content: '<p> </p>', html: true, link: 'https://teams.microsoft.com/l/message/1' })).toEqual({
      description: 'Teams message: https://teams.microsoft.com/l/message/1',
    });
  });
});
