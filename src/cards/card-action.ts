import { VERBS, type Verb, type VerbData } from '../protocol/verbs';

type Data = Record<string, unknown>;

/** Action.Submit for clients without Universal Actions: the verb travels inside the data. */
export interface SubmitFallback {
  type: 'Action.Submit';
  title: string;
  style?: ActionStyle;
  associatedInputs?: 'none';
  data: Data & { verb: Verb };
}

type ActionStyle = 'positive' | 'destructive';

export interface ActionOptions {
  style?: ActionStyle;
  /**
   * Send only the action's own data, not the card's input values. For buttons on a card with
   * inputs whose ids share a key with the data (the ticket list's "text" filter box and the
   * paging data's "text"): the client would otherwise overwrite one with the other.
   */
  ignoreInputs?: boolean;
}

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: Verb;
  style?: ActionStyle;
  associatedInputs?: 'none';
  data: Data;
  fallback: SubmitFallback;
}

// Template data must not hold undefined (adaptivecards-templating leaves "${x}" for it) and
// Teams sends back what we put in: drop absent optional fields, nested ones too (a form's `from`).
function defined(data: object): Data {
  return JSON.parse(JSON.stringify(data)) as Data;
}

/**
 * An `Action.Execute` for `verb`, typed against the verb's schema in src/protocol/verbs.ts, with the
 * `Action.Submit` fallback (`{ verb, ...data }`) that older clients send as a message instead.
 */
export function execute<V extends Verb>(title: string, verb: V, data: VerbData<V>, options: ActionOptions = {}): ExecuteAction {
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

/**
 * The action, or null when the bot would reject its data (a key from the API that is empty or
 * longer than the verb allows): such a row is shown without a button rather than a broken one.
 */
export function executeIfValid<V extends Verb>(
  title: string,
  verb: V,
  data: VerbData<V>,
  options: ActionOptions = {},
): ExecuteAction | null {
  return VERBS[verb].safeParse(data).success ? execute(title, verb, data, options) : null;
}

/** Shows and hides a small in-card form without a round trip. */
export function toggle(title: string, target: string): { type: 'Action.ToggleVisibility'; title: string; targetElements: string[] } {
  return { type: 'Action.ToggleVisibility', title, targetElements: [target] };
}

/**
 * An action that opens a view the bot already validated (a form's origin, src/protocol/views.ts):
 * its verb and data as they are, nothing typed sent along (Cancel must not trip the client's
 * input checks).
 */
export function executeView(title: string, view: { verb: Verb; data: object }): ExecuteAction {
  const clean = defined(view.data);
  return {
    type: 'Action.Execute',
    title,
    verb: view.verb,
    associatedInputs: 'none',
    data: clean,
    fallback: { type: 'Action.Submit', title, associatedInputs: 'none', data: { verb: view.verb, ...clean } },
  };
}
