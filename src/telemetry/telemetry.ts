/**
 * What the app tells Application Insights, as one small port. Off by default: the no-op below
 * is what every caller gets until `start-telemetry.ts` installs the OpenTelemetry one (only
 * with APPLICATIONINSIGHTS_CONNECTION_STRING), so nothing of OpenTelemetry is loaded when off.
 * Global like OpenTelemetry's own API, so the HTTP stack and the notifier need no new wiring.
 */
export type TurnAttributes = Partial<Record<'intent' | 'verb' | 'invoke' | 'role' | 'outcome', string>>;

interface ApiCall {
  service: string;
  method: string;
  /** The resource, not the path: `devices`, never a device name or id. */
  resource: string;
}

export interface Telemetry {
  /** Runs one turn inside its span; its duration is the turn latency metric. */
  turn<T>(kind: string, run: () => Promise<T>): Promise<T>;
  /** Adds what the turn was (intent or verb, role, outcome) to the turn in progress. Never user text. */
  annotate(attributes: TurnAttributes): void;
  /** One HTTP attempt to MMD or Graph, as a child span of the turn; `status` reads the answer or the error. */
  apiCall<T>(call: ApiCall, run: () => Promise<T>, status: (outcome: { result?: T; error?: unknown }) => number): Promise<T>;
  /** From the poller noticing a ticket change to the card reaching the conversation. */
  notificationLag(ms: number): void;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

const OFF: Telemetry = {
  turn: (_kind, run) => run(),
  annotate: () => undefined,
  apiCall: (_call, run) => run(),
  notificationLag: () => undefined,
  shutdown: async () => undefined,
};

let current: Telemetry = OFF;

/** The telemetry in force (the no-op unless started). */
export function telemetry(): Telemetry {
  return current;
}

/** Installs a started telemetry (start-telemetry.ts); `undefined` goes back to off. */
export function setTelemetry(value: Telemetry | undefined): void {
  current = value ?? OFF;
}
