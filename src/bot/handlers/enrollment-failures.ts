/** Intune enrollment failures (Graph troubleshooting events): recent ones, one, and the report form. */
import { newFormId } from '../../state/form-id';
import { enrollmentFailureForm } from '../../cards/enrollment-failure-form-card';
import { troubleshootingEventDetailCard } from '../../cards/troubleshooting-event-detail-card';
import { troubleshootingEventListCard } from '../../cards/troubleshooting-event-list-card';
import { troubleshootingEventSchema } from '../../graph/parse-troubleshooting-event';
import { enrollmentFailurePrefill } from '../../protocol/enrollment-failure-prefill';
import { formText, type FieldErrors } from '../../protocol/field-rules';
import type { FormNotice } from '../../protocol/form-notice';
import type { FormOrigin } from '../../protocol/views';
import { checkEnrollmentFailure, ENROLLMENT_FAILURE_FIELDS } from '../../protocol/troubleshooting-rules';
import type { VerbData } from '../../protocol/verbs';
import type { BackView } from '../../protocol/views';
import type { BotDeps } from '../deps';
import { recordChange } from '../audit-trail';
import { submitOnce } from '../forms/submit-form';
import { card, say, type Reply } from '../reply';
import type { Turn } from '../turn';
import { nowFor } from '../viewer-now';
import { graphWording } from './graph-wording';
import { deviceNamesByIntuneId, nameOf } from './intune-names';
import { fetchPage } from './paging';

const deviceNotFound = (name: string): Reply =>
  say('I could not find a device named ', { value: name }, '. Try ', { command: `devices ${name}` }, ' to search.');

export async function listEnrollmentFailures(
  turn: Turn,
  query: { deviceName?: string; user?: string; skip?: number },
  deps: BotDeps,
): Promise<Reply> {
  const deviceName = query.deviceName?.trim() || undefined;
  const user = deviceName ? undefined : query.user?.trim() || undefined;
  let ids: { managedDeviceIdentifier?: string; deviceId?: string } = {};
  if (deviceName) {
    // Graph knows the device by its Intune and Entra ids; MMD by its name.
    const device = await deps.mmd.devices.get(deviceName, { signal: turn.signal });
    if (!device) return deviceNotFound(deviceName);
    ids = { managedDeviceIdentifier: device.intuneId?.trim() || undefined, deviceId: device.aadDeviceId?.trim() || undefined };
    if (!ids.managedDeviceIdentifier && !ids.deviceId) {
      return say('Device ', { value: deviceName }, ' has no Intune or Entra device id yet, so it has no enrollment failures to look up.');
    }
  }
  const page = await fetchPage((q) => deps.graph.troubleshootingEvents.list(q, { signal: turn.signal }), {
    ...ids,
    userId: user,
    skip: query.skip ?? 0,
  });
  // Rows name the MMD device (Graph knows only its Intune id) and open its card.
  const names = await deviceNamesByIntuneId(deps.mmd, deps.now(), turn.signal);
  const deviceNames = new Map(
    page.items.flatMap((e) => {
      const name = nameOf(names, e.managedDeviceIdentifier);
      return name ? [[e.id, name] as const] : [];
    }),
  );
  return card(troubleshootingEventListCard({ page, scope: { deviceName, user }, now: nowFor(turn, deps), deviceNames }));
}

export async function showEnrollmentFailure(turn: Turn, query: { id: string; back?: BackView }, deps: BotDeps): Promise<Reply> {
  const event = await deps.graph.troubleshootingEvents.get(query.id, { signal: turn.signal });
  if (!event)
    return say(
      'I could not find enrollment failure ',
      { value: query.id },
      '. Type ',
      { command: 'enrollment failures' },
      ' to see recent ones.',
    );
  const device = nameOf(await deviceNamesByIntuneId(deps.mmd, deps.now(), turn.signal), event.managedDeviceIdentifier);
  return card(troubleshootingEventDetailCard({ event, now: nowFor(turn, deps), device, deviceName: device, back: query.back }));
}

/** `report enrollment failure [device]`, or the device card's button: the device's ids filled in. */
export async function openEnrollmentFailureForm(
  turn: Turn,
  query: { deviceName?: string; from?: FormOrigin },
  deps: BotDeps,
): Promise<Reply> {
  const deviceName = query.deviceName?.trim() || undefined;
  const device = deviceName ? await deps.mmd.devices.get(deviceName, { signal: turn.signal }) : undefined;
  if (deviceName && !device) return deviceNotFound(deviceName);
  const prefill = device ? enrollmentFailurePrefill(device) : {};
  return card(enrollmentFailureForm({ prefill, deviceName, formId: newFormId(deps.now()), from: query.from, now: deps.now() }));
}

export async function reportEnrollmentFailure(turn: Turn, data: VerbData<'enrollmentFailure.report'>, deps: BotDeps): Promise<Reply> {
  const now = deps.now();
  const raw: Record<string, unknown> = data;
  const form = async (errors: FieldErrors, notice?: FormNotice) =>
    card(
      enrollmentFailureForm({
        prefill: formText(ENROLLMENT_FAILURE_FIELDS, raw),
        formId: data.formId,
        from: data.from,
        errors,
        notice,
        now,
      }),
    );
  const check = checkEnrollmentFailure(raw, now, turn.utcOffsetMinutes);
  if (!check.ok) return form(check.errors);
  return submitOnce({
    turn,
    deps,
    formId: data.formId,
    verb: 'enrollmentFailure.report',
    subject: graphWording('enrollmentFailure'),
    result: troubleshootingEventSchema,
    work: async () => {
      const event = await deps.graph.troubleshootingEvents.create(check.event, { signal: turn.signal });
      const detail = [event.failureCategory, event.enrollmentType, event.managedDeviceIdentifier ?? event.deviceId]
        .filter(Boolean)
        .join(' · ');
      await recordChange(turn, deps, { action: 'event.report', target: { kind: 'event', id: event.id }, detail: detail || undefined });
      return event;
    },
    done: async (event) => card(troubleshootingEventDetailCard({ event, now: nowFor(turn, deps) }), 'The enrollment failure was recorded.'),
    form,
  });
}
