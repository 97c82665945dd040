import { messageCard } from '../../src/cards/message-card';
import { noteText } from '../../src/cards/note-rows';
import { notesCard } from '../../src/cards/notes-card';
import { ticketDetailCard } from '../../src/cards/ticket-detail-card';
import { deviceDetailCard } from '../../src/cards/device-detail-card';
import { findElements } from '../helpers/card-validation';
import { expectCleanCard, labelledValues } from './card-checks';
import { device, EVIL_LINK, INJECTION, note, NOW, ticket } from './sample-data';

// Issue 14: untrusted text goes where no markdown is processed (TextRuns), exactly as typed.
const HOSTILE = `**bold** _it_ \`code\` ${EVIL_LINK} ${INJECTION} <b>x</b> www.evil.example`;

/** The texts of every TextRun in the card. */
const runs = (card: unknown) => findElements(card, 'TextRun').map((r) => String(r.text));

describe('text as typed', () => {
  it('shows hostile API text verbatim in TextRuns: no backslashes, no zero-width spaces, no links', () => {
    const card = ticketDetailCard({ ticket: ticket({ title: HOSTILE, description: `Line one\nLine two\n${HOSTILE}` }), now: NOW });
    expectCleanCard(card);
    expect(runs(card)).toContain(HOSTILE);
    expect(runs(card)).toContain(`Line one\nLine two\n${HOSTILE}`);
    expect(JSON.stringify(card)).not.toContain('\\\\');
    expect(JSON.stringify(card)).not.toContain('\u200B');
    // No TextRun is clickable: a TextRun's selectAction would make it a link.
    for (const run of findElements(card, 'TextRun')) expect(run.selectAction).toBeUndefined();
  });

  it('puts labelled values in ColumnSets of TextRuns, never in a FactSet', () => {
    const card = deviceDetailCard({ device: device({ serialNumber: HOSTILE }), now: NOW });
    expectCleanCard(card);
    expect(findElements(card, 'FactSet')).toEqual([]);
    expect(labelledValues(card)['Serial number']).toBe(HOSTILE);
  });

  it('keeps line breaks typed in notes, and HTML paragraphs and lists as lines and bullets', () => {
    expect(noteText({ text: 'Line one\nLine two', renderType: 'text' })).toBe('Line one\nLine two');
    expect(noteText({ text: '<p>First</p><p>Second</p><ul><li>one</li><li>two</li></ul>', renderType: 'html' })).toBe(
      'First\n\nSecond\n\n• one\n• two',
    );
    const card = notesCard({ ticketId: 'MMD-1', notes: [note({ text: `Line one\nLine two ${HOSTILE}`, renderType: 'text' })], now: NOW });
    expectCleanCard(card);
    expect(runs(card)).toContain(`Line one\nLine two ${HOSTILE.replace('<b>x</b>', 'x')}`);
  });

  it('keeps "Line one⏎Line two" in the description, business impact and both steps of a ticket', () => {
    const typed = 'Line one\nLine two';
    const card = ticketDetailCard({
      ticket: ticket({
        description: typed,
        businessImpact: `${typed} impact`,
        troubleshootingSteps: `${typed} tried`,
        reproSteps: `${typed} repro`,
      }),
      now: NOW,
    });
    expectCleanCard(card);
    for (const text of [typed, `${typed} impact`, `${typed} tried`, `${typed} repro`]) expect(runs(card)).toContain(text);
  });

  it("keeps a note's typed line breaks and its HTML <p>, <br> and <ul><li> as lines and bullets, in the ticket card too", () => {
    expect(noteText({ text: 'Line one<br>Line two<br/>Line three', renderType: 'html' })).toBe('Line one\nLine two\nLine three');
    expect(noteText({ text: 'Line one\r\nLine two', renderType: 'text' })).toMatch(/^Line one\r?\nLine two$/);
    const html = note({
      text: '<p>Checked the VPN.</p><ul><li>restarted</li><li>re-enrolled</li></ul><p>Line one<br>Line two</p>',
      renderType: 'html',
    });
    const typed = note({ text: 'Line one\nLine two', renderType: 'text' });
    const card = ticketDetailCard({ ticket: ticket({ notes: [html, typed] }), now: NOW });
    expectCleanCard(card);
    expect(runs(card)).toContain('Checked the VPN.\n\n• restarted\n• re-enrolled\n\nLine one\nLine two');
    expect(runs(card)).toContain('Line one\nLine two');
  });

  it('leaves links in API text as plain, unclickable text: no OpenUrl, no selectAction, no broken "https: //"', () => {
    const url = 'https://evil.example/path?q=1';
    const card = ticketDetailCard({
      ticket: ticket({
        description: `See ${url} and ${EVIL_LINK}`,
        notes: [note({ text: `<p>Read <a href="${url}">this page</a> or ${url}</p>`, renderType: 'html' })],
      }),
      now: NOW,
    });
    expectCleanCard(card);
    expect(runs(card)).toContain(`See ${url} and ${EVIL_LINK}`);
    expect(runs(card).some((t) => t.startsWith('Read this page or') && t.includes(url))).toBe(true);
    expect(JSON.stringify(card)).not.toMatch(/https: \/\//);
    expect(findElements(card, 'Action.OpenUrl').filter((a) => String(a.url).includes('evil'))).toEqual([]);
    for (const run of findElements(card, 'TextRun')) expect(run.selectAction).toBeUndefined();
  });

  it('answers in a small card: our words plain, values bold, commands monospace, no markdown marks', () => {
    const card = messageCard([
      'I could not find ticket ',
      { value: HOSTILE },
      '. Type ',
      { command: 'tickets' },
      ' to see recent tickets.',
    ]);
    expectCleanCard(card);
    const inlines = findElements(card, 'TextRun');
    expect(inlines.map((r) => r.text).join('')).toBe(`I could not find ticket ${HOSTILE}. Type tickets to see recent tickets.`);
    expect(inlines[1]).toMatchObject({ text: HOSTILE, weight: 'Bolder' });
    expect(inlines[3]).toMatchObject({ text: 'tickets', fontType: 'Monospace' });
  });
});

describe('device detail: readable status, why non-compliant, Intune', () => {
  const INTUNE = '0b5e5f3c-2d1a-4c6e-9a7b-1f2e3d4c5b6a';

  it('says why a device is non-compliant (failing configurations with their status), names the Entra id, opens Intune', () => {
    const card = deviceDetailCard({ device: device({ intuneId: INTUNE }), now: NOW });
    expectCleanCard(card);
    const values = labelledValues(card);
    expect(values['Why non-compliant']).toMatch(/\(Failed\)|\(Error\)/);
    expect(values['Microsoft Entra device ID']).toBe('aadDeviceId');
    expect(values['Azure AD device ID']).toBeUndefined();
    const open = findElements(card, 'Action.OpenUrl');
    expect(open).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Open in Intune',
        url: `https://intune.microsoft.com/#view/Microsoft_Intune_Devices/DeviceSettingsMenuBlade/~/overview/mdmDeviceId/${INTUNE}`,
      },
    ]);
  });

  it('gives no Intune link for an id that is not a GUID, and no yellow text anywhere', () => {
    const card = deviceDetailCard({ device: device({ intuneId: 'javascript:alert(1)' }), now: NOW });
    expect(findElements(card, 'Action.OpenUrl')).toEqual([]);
    expect(JSON.stringify(card)).not.toMatch(/"color":"Warning"/);
  });
});
