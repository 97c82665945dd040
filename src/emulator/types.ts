/** Contract of the built-in MMD / Graph / token emulator (see src/emulator/emulator.ts). */

/** One injected fault. Matching is on method (optional) and a path regular expression. */
export interface FaultRule {
  /** HTTP method to match (GET, POST, ...); any when absent. */
  method?: string;
  /** Regular expression source matched against the request path (without query). */
  path: string;
  /** Delay before answering (or before the fault below). */
  latencyMs?: number;
  /** Answer with this status instead of the real handler (e.g. 429, 500, 503). */
  status?: number;
  /** With status 429/503: the Retry-After header, in seconds. */
  retryAfterSeconds?: number;
  /** Body to send with `status` (default: the documented error shape). */
  body?: unknown;
  /** With `status`: carry the request out first, then answer `status` anyway (the work was done). */
  carryOut?: boolean;
  /**
   * Answer 200 with a JSON body of about this many MB, generated as it is sent (no Content-Length):
   * a runaway answer, to prove the client reads with a limit.
   */
  streamMb?: number;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** Apply this many times, then the rule is spent (default: forever). */
  times?: number;
}

export interface FaultController {
  add(rule: FaultRule): void;
  clear(): void;
  list(): FaultRule[];
}

export interface EmulatorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  host?: string;
  /** Seed of the deterministic generated data (default 1). */
  seed?: number;
  /** Sizes of the generated data (defaults 60 / 25 / 40). */
  devices?: number;
  users?: number;
  tickets?: number;
  /** The tenant and app registration the token endpoint accepts. */
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** The app id URI SSO tokens are issued for (default `api://localhost/<clientId>`, the sandbox TAB_SSO_AUDIENCE). */
  ssoResource?: string;
  /** Faults active from the start. */
  faults?: FaultRule[];
  /** Graph create refused from the start, as a tenant without beta create may (400/403/405 per collection). */
  graphCreateRefusals?: { incidents?: 400 | 403 | 405; troubleshootingEvents?: 400 | 403 | 405 };
  /**
   * The clock the seeded dates are anchored to at start and at every reset (default the real
   * clock): the sample tenant's newest sync, ticket and elevation are hours old whenever it
   * starts. Tests inject one for data that is the same on every run.
   */
  now?: () => Date;
  /** Lifetime of issued tokens in seconds (default 3599). */
  tokenLifetimeSeconds?: number;
  /**
   * The bot whose OAuth connection the token service routes serve (/api/usertoken, /api/botsignin):
   * set, they answer 401 unless the call carries a bearer token the token endpoint issued to this
   * app id, as the real service does. Unset (the sandbox bot, which has no app id and so nothing to
   * sign with), they answer anyone on loopback.
   */
  botAppId?: string;
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT */
  url: string;
  /** MMD API root, ending with a slash: `${url}/support/odata/v1/`. */
  mmdBaseUrl: string;
  /** Graph root (later issues): `${url}/graph`. */
  graphBaseUrl: string;
  /** Client-credentials token endpoint: `${url}/${tenantId}/oauth2/v2.0/token`. */
  tokenEndpoint: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  faults: FaultController;
  /** How many tokens the token endpoint has issued (tests of the token cache). */
  tokenRequestCount(): number;
  /** Requests the API routes have received, newest last (method, path with query, status). */
  requestLog(): { method: string; url: string; status: number }[];
  close(): Promise<void>;
}
