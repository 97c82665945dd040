/**
 * Records uncaught exceptions and unhandled rejections between start() and stop(), so a fuzz
 * suite can assert there were none (instead of the worker dying on the first).
 */
export class CrashRecorder {
  readonly crashes: unknown[] = [];
  private readonly record = (err: unknown): void => {
    this.crashes.push(err);
  };

  start(): void {
    process.on('uncaughtException', this.record);
    process.on('unhandledRejection', this.record);
  }

  stop(): void {
    process.off('uncaughtException', this.record);
    process.off('unhandledRejection', this.record);
  }
}
