/**
 * Rules Teams enforces on upload (or at run time) that the official schema does not express:
 * the schema allows 12 commands of 128-character titles, Teams shows 10 of at most 32; GUID
 * fields are checked here too so the message can name the variable to fix.
 */
import { isHandledCommand, isHandledExtensionCommand } from './bot-commands';
import type { Json } from './fill-template';
import { FIELD_VARIABLES } from './package-config';

const MAX_COMMANDS = 10;
const MAX_TITLE = 32;
const MAX_DESCRIPTION = 128;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const HOST = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;

type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);
const asArray = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);

/** `/bots/0/botId (MicrosoftAppId)`: the field, and the variable it came from when there is one. */
function where(path: string): string {
  const variable = FIELD_VARIABLES[path];
  return variable ? `${path} (${variable})` : path;
}

function guidRule(value: Json | undefined, path: string, problems: string[]): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !GUID.test(value))
    problems.push(`${where(path)} must be a GUID like 6d6d6441-7373-6973-7400-000000000001`);
}

function commandRules(bot: JsonObject, b: number, problems: string[]): void {
  asArray(bot.commandLists).forEach((list, l) => {
    if (!isObject(list)) return;
    const commands = asArray(list.commands);
    const at = `/bots/${b}/commandLists/${l}`;
    if (commands.length > MAX_COMMANDS) problems.push(`${at} has ${commands.length} commands; Teams shows at most ${MAX_COMMANDS}`);
    const seen = new Set<string>();
    commands.forEach((command, c) => {
      if (!isObject(command)) return;
      const title = typeof command.title === 'string' ? command.title : '';
      const description = typeof command.description === 'string' ? command.description : '';
      if (title.length > MAX_TITLE)
        problems.push(`${at}/commands/${c} title "${title}" is ${title.length} characters; at most ${MAX_TITLE}`);
      if (description.length > MAX_DESCRIPTION) {
        problems.push(`${at}/commands/${c} description of "${title}" is ${description.length} characters; at most ${MAX_DESCRIPTION}`);
      }
      if (seen.has(title.toLowerCase())) problems.push(`${at}/commands/${c} title "${title}" appears twice in the list`);
      seen.add(title.toLowerCase());
      if (!isHandledCommand(title))
        problems.push(
          `${at}/commands/${c} "${title}" is not a command the bot handles (src/intents/parse-intent.ts answers it as unknown)`,
        );
    });
  });
}

/** Every message extension command id must reach a handler, or Teams' invoke gets "unknown command". */
function extensionCommandRules(ext: JsonObject, e: number, problems: string[]): void {
  asArray(ext.commands).forEach((command, c) => {
    if (!isObject(command)) return;
    const id = typeof command.id === 'string' ? command.id : '';
    const type = typeof command.type === 'string' ? command.type : 'query';
    if (!isHandledExtensionCommand(type, id)) {
      problems.push(
        `/composeExtensions/${e}/commands/${c} "${id}" (${type}) is not a message extension command the bot handles (src/bot/routes.ts, extensions.${type === 'action' ? 'action' : 'query'})`,
      );
    }
  });
}

function httpsRule(value: Json | undefined, path: string, problems: string[]): void {
  if (typeof value !== 'string') return;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:') problems.push(`${where(path)} must be an https URL`);
}

function textRules(manifest: JsonObject, problems: string[]): void {
  const text = JSON.stringify(manifest);
  const left = /\{\{[A-Za-z0-9_]*\}\}/.exec(text);
  if (left) problems.push(`placeholder ${left[0]} was not filled`);
}

/** Problems Teams would find that the schema does not; empty when there are none. */
export function teamsRuleProblems(manifest: Json): string[] {
  const problems: string[] = [];
  if (!isObject(manifest)) return ['the manifest is not a JSON object'];
  guidRule(manifest.id ?? '', '/id', problems);
  if (typeof manifest.version !== 'string' || !VERSION.test(manifest.version)) {
    problems.push(`${where('/version')} must be MAJOR.MINOR.PATCH numbers, e.g. 1.0.0`);
  }
  asArray(manifest.bots).forEach((bot, b) => {
    if (!isObject(bot)) return;
    guidRule(bot.botId ?? '', `/bots/${b}/botId`, problems);
    commandRules(bot, b, problems);
  });
  asArray(manifest.composeExtensions).forEach((ext, e) => {
    if (!isObject(ext)) return;
    guidRule(ext.botId, `/composeExtensions/${e}/botId`, problems);
    extensionCommandRules(ext, e, problems);
  });
  if (isObject(manifest.webApplicationInfo)) {
    guidRule(manifest.webApplicationInfo.id ?? '', '/webApplicationInfo/id', problems);
    const resource = manifest.webApplicationInfo.resource;
    if (resource !== undefined && (typeof resource !== 'string' || !resource.startsWith('api://'))) {
      problems.push(`${where('/webApplicationInfo/resource')} must be an api:// Application ID URI`);
    }
  }
  asArray(manifest.validDomains).forEach((domain, d) => {
    if (typeof domain !== 'string' || !HOST.test(domain)) {
      problems.push(
        `${where(`/validDomains/${d}`)} "${typeof domain === 'string' ? domain : JSON.stringify(domain)}" must be a host name only (no https://, no path)`,
      );
    }
  });
  if (isObject(manifest.developer)) {
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) httpsRule(manifest.developer[key], `/developer/${key}`, problems);
  }
  textRules(manifest, problems);
  return problems;
}
