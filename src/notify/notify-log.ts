/** The slice of pino the notifier logs through (tests pass a silent one). */
export interface NotifyLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentLog: NotifyLog = { info() {}, warn() {}, error() {} };
