/**
 * The search command as a Microsoft 365 Copilot plugin (issue 23): the manifest describes the
 * command and its parameter for Copilot (semanticDescription, samplePrompts within the official
 * schema's limits), the filled manifest passes that schema offline, and what Copilot would fill
 * in for each sample prompt is answered over the bot's real /api/messages with the same result
 * cards and previews as the message extension in Teams.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAppPackage } from '../../scripts/app-package/build-package';
import { EXAMPLE_TICKET_ID } from '../../src/emulator/seed';
import { cardText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { ADAPTIVE, THUMBNAIL, invoke, resultsOf } from '../bot/extensions/extension-helpers';

const root = join(__dirname, '..', '..');

interface Command {
  id: string;
  type: string;
  description: string;
  semanticDescription?: string;
  samplePrompts?: { text: string }[];
  parameters: { name: string; description: string; semanticDescription?: string }[];
}
interface Manifest {
  description: { short: string; full: string };
  composeExtensions: { commands: Command[] }[];
}

const template = JSON.parse(readFileSync(join(root, 'manifest', 'manifest.json'), 'utf8')) as Manifest;
const search = template.composeExtensions[0]!.commands.find((c) => c.id === 'search')!;

/** Each sample prompt and the searchText Copilot takes from it (the parameter's semantic description says which part). */
const FILLS: Record<string, string> = {
  'Find the MMD device MMD-00001': 'MMD-00001',
  'Which managed devices does adele.vance have?': 'adele.vance',
  [`Show MMD ticket ${EXAMPLE_TICKET_ID}`]: EXAMPLE_TICKET_ID,
  'Find MMD support tickets about Edge policy': 'Edge policy',
  'What are the latest MMD support tickets?': '',
};

describe('the search command for Copilot', () => {
  it('has a semantic description, sample prompts and a semantic description for every parameter, within the schema limits', () => {
    expect(search.type).toBe('query');
    expect(search.semanticDescription?.length).toBeGreaterThan(search.description.length);
    expect(search.semanticDescription!.length).toBeLessThanOrEqual(5000);
    expect(search.samplePrompts?.length).toBeGreaterThanOrEqual(1);
    expect(search.samplePrompts!.length).toBeLessThanOrEqual(5);
    for (const prompt of search.samplePrompts!) expect(prompt.text.length).toBeLessThanOrEqual(128);
    for (const parameter of search.parameters) {
      expect(parameter.semanticDescription!.length).toBeGreaterThan(parameter.description.length);
      expect(parameter.semanticDescription!.length).toBeLessThanOrEqual(2000);
    }
    expect(Object.keys(FILLS).sort()).toEqual(search.samplePrompts!.map((p) => p.text).sort());
  });

  it('the app description says what the app does today', () => {
    const full = template.description.full;
    for (const what of [
      /security incidents/,
      /enrollment failures/,
      /notifications/,
      /message extension/,
      /Copilot/,
      /dashboard/,
      /elevation/,
      /support tickets/,
    ]) {
      expect(full).toMatch(what);
    }
    expect(template.description.short.length).toBeLessThanOrEqual(80);
  });

  it('filled for a tenant, the manifest passes the official schema (offline) and the Teams rules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mmd-copilot-'));
    try {
      const result = await buildAppPackage({
        env: {
          TEAMS_APP_ID: '2f0a4c53-8e1b-4d7a-9a43-6b1e5f2c9d10',
          MicrosoftAppId: '8c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
          BOT_DOMAIN: 'mmd-assist.azurewebsites.net',
        },
        root,
        outFile: join(dir, 'app.zip'),
        log: () => undefined,
      });
      expect(result.problems).toEqual([]);
      const filled = result.manifest as unknown as Manifest;
      expect(filled.composeExtensions[0]!.commands.find((c) => c.id === 'search')!.samplePrompts).toEqual(search.samplePrompts);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('what Copilot fills in is answered with the extension cards and previews', () => {
    let harness: TurnHarness;
    beforeAll(async () => {
      harness = await TurnHarness.start();
    });
    afterAll(() => harness?.stop(), 15_000);

    it.each(Object.entries(FILLS))('%s -> searchText %j', async (_prompt, text) => {
      const { status, body } = await invoke(harness, 'composeExtension/query', {
        commandId: 'search',
        parameters: text ? [{ name: 'searchText', value: text }] : [{ name: 'initialRun', value: 'true' }],
        queryOptions: { skip: 0, count: 10 },
      });
      expect(status).toBe(200);
      const results = resultsOf(body);
      expect(results.length).toBeGreaterThan(0);
      for (const result of results) {
        expect((result as typeof result & { contentType?: string }).contentType).toBe(ADAPTIVE);
        expect(result.preview.contentType).toBe(THUMBNAIL);
      }
      if (text) expect(cardText(results[0]!.content).toLowerCase()).toContain(text.toLowerCase());
    });
  });
});
