/**
 * Issue 14: answers to button presses (Action.Execute invoke answers) never show literal `**` or
 * backticks. Teams shows an invoke's text answer as typed, with no markdown, so commands and
 * values go in a small card of TextRuns (say()). Any chat command can be an invoke answer (help's
 * Try buttons and did-you-mean run commands with the `command` verb), so these run through it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findElements } from '../helpers/card-validation';
import { answerText, type InvokeResponse, type SendOptions } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';

const CARD = 'application/vnd.microsoft.card.adaptive';
const CHANNEL: SendOptions = { conversationType: 'channel', conversationId: '19:channel@thread.skype' };

let harness: TurnHarness;
beforeAll(async () => {
  harness = await TurnHarness.start();
});
afterAll(async () => {
  await harness.stop();
});

function expectNoMarkdownMarks(res: InvokeResponse): void {
  const shown =
    res.type === CARD
      ? findElements(res.value, 'TextRun')
          .map((r) => String(r.text))
          .join('')
      : String(res.value);
  expect(shown).not.toMatch(/\*\*|`/);
}

describe('invoke answers carry no markdown marks', () => {
  it.each([
    ['notify digest weekly', /Try notify digest hourly, notify digest daily or notify digest off\. Nothing was changed\./],
    ['notify quiet whenever', /Quiet hours are two times, e\.g\. notify quiet 20:00-08:00, or notify quiet off\./],
    ['notify quiet 22:00-07:00', /Quiet hours 22:00-07:00 \(/],
    ['notify quiet off', /Quiet hours are off/],
    ['notify digest daily', /one daily digest at 09:00/],
    ['subscribe all', /subscribe all works in a channel or group chat.*subscribe <ticket id>\./],
  ])('"%s" from a button is a card of TextRuns, commands in monospace', async (command, words) => {
    const res = await harness.execute('command', { text: command });
    expect(res.type).toBe(CARD);
    expectNoMarkdownMarks(res);
    expect(answerText(res)).toMatch(words);
    const commands = findElements(res.value, 'TextRun').filter((r) => r.fontType === 'Monospace');
    if (/Try|e\.g\.|works in/.test(answerText(res))) expect(commands.length).toBeGreaterThan(0);
  });

  it.each([
    ['subscribe all nonsense', /Try "subscribe all", "subscribe all severity <= 2"/],
    ['subscribe all severity <= 2', /every ticket with severity 2 or more urgent.*Type unsubscribe all to stop/],
    ['unsubscribe all', /no longer follows every ticket/],
  ])('"%s" in a channel, from a button, has no markdown marks', async (command, words) => {
    const res = await harness.execute('command', { text: command }, CHANNEL);
    expect(res.type).toBe(CARD);
    expectNoMarkdownMarks(res);
    expect(answerText(res)).toMatch(words);
  });
});

describe('text replies in src/bot', () => {
  // text() answers go out as an invoke's text when a button was pressed: plain words only.
  it('hold no markdown marks (** or backticks) in their literal words', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts')) files.push(path);
      }
    };
    walk(join(__dirname, '..', '..', 'src', 'bot'));
    const offenders: string[] = [];
    let seen = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/\btext\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)) {
        seen += 1;
        if (/\*\*|\\`|`/.test(m[2]!)) offenders.push(`${file}: ${m[2]!.slice(0, 80)}`);
      }
    }
    expect(seen).toBeGreaterThan(5); // the scan finds the text() replies at all
    expect(offenders).toEqual([]);
  });
});
