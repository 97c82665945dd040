import type { Logger } from '../log/logger';
import { setTelemetry, type Telemetry, type TurnAttributes } from './telemetry';

/** Metric names (Application Insights: customMetrics). */
export const METRICS = {
  turnDuration: 'mmd_assist.turn.duration',
  apiErrors: 'mmd_assist.api.errors',
  throttled: 'mmd_assist.api.throttled',
  notificationLag: 'mmd_assist.notification.lag',
} as const;

/**
 * Starts the Azure Monitor OpenTelemetry distro and installs the telemetry that feeds it. Loaded
 * with `import()` only when a connection string is configured: with telemetry off, not one
 * OpenTelemetry module is read. The distro also records incoming HTTP requests and exceptions.
 */
export async function startTelemetry(options: { connectionString: string; serviceVersion: string; logger: Logger }): Promise<Telemetry> {
  const [{ useAzureMonitor, shutdownAzureMonitor }, api] = await Promise.all([
    import('@azure/monitor-opentelemetry'),
    import('@opentelemetry/api'),
  ]);
  // The cloud role Application Insights shows (otherwise "unknown_service:<path of node>"); OTEL_SERVICE_NAME wins when set.
  process.env.OTEL_SERVICE_NAME ||= 'mmd-assist';
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: options.connectionString },
    // Every turn is kept (the default samples 5 traces a second).
    tracesPerSecond: 0,
    samplingRatio: 1,
  });
  const tracer = api.trace.getTracer('mmd-assist', options.serviceVersion);
  const meter = api.metrics.getMeter('mmd-assist', options.serviceVersion);
  const turnDuration = meter.createHistogram(METRICS.turnDuration, { unit: 'ms', description: 'Time to handle one Teams activity' });
  const apiErrors = meter.createCounter(METRICS.apiErrors, { description: 'MMD and Graph calls that failed, by status (0: no answer)' });
  const throttled = meter.createCounter(METRICS.throttled, { description: 'MMD and Graph answers 429 (throttled)' });
  const lag = meter.createHistogram(METRICS.notificationLag, {
    unit: 'ms',
    description: 'From a ticket change noticed to its card delivered',
  });
  // The attributes of each turn in progress, by its span (annotate finds the span in the context).
  const turns = new WeakMap<object, TurnAttributes>();

  const value: Telemetry = {
    turn(kind, run) {
      return tracer.startActiveSpan(
        `turn ${kind}`,
        { kind: api.SpanKind.SERVER, attributes: { 'mmd_assist.activity': kind } },
        async (span) => {
          const attributes: TurnAttributes = {};
          turns.set(span, attributes);
          const started = performance.now();
          try {
            return await run();
          } catch (err) {
            attributes.outcome = 'error';
            span.setStatus({ code: api.SpanStatusCode.ERROR });
            throw err;
          } finally {
            attributes.outcome ??= 'ok';
            span.setAttribute('mmd_assist.outcome', attributes.outcome);
            turnDuration.record(performance.now() - started, { activity: kind, ...attributes });
            span.end();
          }
        },
      );
    },
    annotate(attributes) {
      const span = api.trace.getActiveSpan();
      const record = span && turns.get(span);
      if (!span || !record) return;
      Object.assign(record, attributes);
      for (const [key, v] of Object.entries(attributes)) if (v !== undefined) span.setAttribute(`mmd_assist.${key}`, v);
    },
    apiCall(call, run, status) {
      const name = `${call.service} ${call.method} ${call.resource}`;
      const attributes = { 'mmd_assist.service': call.service, 'http.request.method': call.method, 'mmd_assist.resource': call.resource };
      return tracer.startActiveSpan(name, { kind: api.SpanKind.CLIENT, attributes }, async (span) => {
        try {
          const result = await run();
          span.setAttribute('http.response.status_code', status({ result }));
          return result;
        } catch (error) {
          const code = status({ error });
          span.setAttribute('http.response.status_code', code);
          span.setStatus({ code: api.SpanStatusCode.ERROR });
          apiErrors.add(1, { service: call.service, status: String(code) });
          if (code === 429) throttled.add(1, { service: call.service });
          throw error;
        } finally {
          span.end();
        }
      });
    },
    notificationLag(ms) {
      lag.record(Math.max(0, ms));
    },
    async shutdown() {
      setTelemetry(undefined);
      await shutdownAzureMonitor();
    },
  };
  setTelemetry(value);
  options.logger.info({ metrics: Object.values(METRICS) }, 'telemetry on: traces and metrics go to Application Insights');
  return value;
}
