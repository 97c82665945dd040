/**
 * `Action.Execute` (with its `Action.Submit` fallback) for the Graph verbs of
 * src/protocol/graph-verbs.ts: the same shape card-action.ts builds for the bot's verbs. Apart
 * only until the lead merges GRAPH_VERBS into the one verb table; then `execute` covers both.
 */
import { GRAPH_VERBS, type GraphVerb, type GraphVerbData } from '../protocol/graph-verbs';
import type { ActionOptions, ActionStyle } from './card-action';

type Data = Record<string, unknown>;

export interface GraphExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: GraphVerb;
  style?: ActionStyle;
  associatedInputs?: 'none';
  data: Data;
  fallback: { type: 'Action.Submit'; title: string; style?: ActionStyle; associatedInputs?: 'none'; data: Data & { verb: GraphVerb } };
}

function defined(data: object): Data {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}

export function graphExecute<V extends GraphVerb>(title: string, verb: V, data: GraphVerbData<V>, options: ActionOptions = {}): GraphExecuteAction {
  const clean = defined(data);
  const extra = {
    ...(options.style ? { style: options.style } : {}),
    ...(options.ignoreInputs ? { associatedInputs: 'none' as const } : {}),
  };
  return {
    type: 'Action.Execute',
    title,
    verb,
    ...extra,
    data: clean,
    fallback: { type: 'Action.Submit', title, ...extra, data: { verb, ...clean } },
  };
}

/** The action, or null when the bot would refuse its data (an id from the API it cannot carry). */
export function graphExecuteIfValid<V extends GraphVerb>(title: string, verb: V, data: GraphVerbData<V>, options: ActionOptions = {}): GraphExecuteAction | null {
  return GRAPH_VERBS[verb].safeParse(data).success ? graphExecute(title, verb, data, options) : null;
}

/** Shows and hides a small in-card form without a round trip. */
export function toggle(title: string, target: string): { type: 'Action.ToggleVisibility'; title: string; targetElements: string[] } {
  return { type: 'Action.ToggleVisibility', title, targetElements: [target] };
}

const TRUSTED_HOSTS = /(^|\.)(microsoft\.com|microsoftonline\.com|azure\.com)$/i;

/**
 * An Action.OpenUrl for a link from the API, only when it is https to a Microsoft host (the
 * Defender portal, Learn): anything else stays inert text.
 */
export function trustedLink(title: string, raw: string | null | undefined): { type: 'Action.OpenUrl'; title: string; url: string } | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'https:' || url.username || url.password || !TRUSTED_HOSTS.test(url.hostname)) return null;
    return { type: 'Action.OpenUrl', title, url: url.toString() };
  } catch {
    return null;
  }
}
