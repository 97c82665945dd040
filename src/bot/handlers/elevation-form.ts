import { newFormId } from '../../state/form-id';
import { z } from 'zod';
import type { FormNotice } from '../../protocol/form-notice';
import type { FormOrigin } from '../../protocol/views';
import { elevationDetailCard } from '../../cards/elevation-detail-card';
import { closeElevationForm } from '../../cards/elevation-close-form-card';
import { requestElevationForm } from '../../cards/elevation-form-card';
import { plain } from '../../cards/escape';
import { MmdApiError } from '../../mmd/mmd-api-error';
import { elevationSchema } from '../../mmd/parse-elevation';
import type { ElevationRequest, Ticket } from '../../mmd/types';
import type { BotDeps } from '../deps';
import { checkClose, checkElevation, CLOSE_FIELDS, ELEVATION_FIELDS } from '../../protocol/elevation-rules';
import { formText, type FieldErrors } from '../../protocol/field-rules';
import { submitOnce } from '../forms/submit-form';
import { findClosure, findCreatedElevation } from '../forms/find-earlier';
import { signText } from '../sign-text';
import { recordChange } from '../audit-trail';
import { tooLongWithAttribution } from '../../protocol/attribution';
import { card, type Reply } from '../reply';
import { listElevations } from './elevations';
import type { Turn } from '../turn';
import { nowFor } from '../viewer-now';
import type { VerbData } from '../../protocol/verbs';

/** Open tickets offered as the linked ticket; the form opens without them when they cannot be read. */
async function openTickets(turn: Turn, deps: BotDeps): Promise<Array<Pick<Ticket, 'id' | 'title'>>> {
  try {
    const page = await deps.mmd.tickets.list({ states: ['active'], top: 20 }, { signal: turn.signal });
    return page.items;
  } catch (err) {
    if (!(err instanceof MmdApiError)) throw err;
    turn.log.warn({ err }, 'open tickets not read for the elevation form');
    return [];
  }
}

/** `request elevation [device]`, or "Request elevation" on a device card. */
export async function openElevationForm(turn: Turn, query: { deviceName?: string; from?: FormOrigin }, deps: BotDeps): Promise<Reply> {
  const deviceName = query.deviceName?.trim() ?? '';
  return card(
    requestElevationForm({
      prefill: { deviceName },
      openTickets: await openTickets(turn, deps),
      formId: newFormId(deps.now()),
      from: query.from,
      now: deps.now(),
    }),
  );
}

/** "Choose subcategory": the form again with what was typed, its subcategories those of the chosen category. */
export async function chooseElevationCategory(turn: Turn, data: VerbData<'elevation.chooseCategory'>, deps: BotDeps): Promise<Reply> {
  const raw: Record<string, unknown> = data;
  return card(
    requestElevationForm({
      prefill: formText(ELEVATION_FIELDS, raw),
      openTickets: await openTickets(turn, deps),
      formId: data.formId,
      from: data.from,
      now: deps.now(),
    }),
  );
}

/** The elevation form's submit: checked (the linked ticket must exist), then created once per form. */
export async function createElevation(turn: Turn, data: VerbData<'elevation.create'>, deps: BotDeps): Promise<Reply> {
  const now = deps.now();
  const raw: Record<string, unknown> = data;
  const form = async (errors: FieldErrors, notice?: FormNotice) =>
    card(
      requestElevationForm({
        prefill: formText(ELEVATION_FIELDS, raw),
        openTickets: await openTickets(turn, deps),
        formId: data.formId,
        from: data.from,
        errors,
        notice,
        now,
      }),
    );
  const check = checkElevation(raw, now);
  if (!check.ok) return form(check.errors);
  const signed = await signText(turn, deps, check.request.planOfAction, ELEVATION_FIELDS.planOfAction.maxLength);
  if (!signed.ok) return form({ planOfAction: tooLongWithAttribution('plan of action', signed.room, check.request.planOfAction.length) });
  const request = { ...check.request, planOfAction: signed.text };
  try {
    if (!(await deps.mmd.tickets.get(request.partnerTicketId, { signal: turn.signal }))) {
      const field = typeof raw.ticketId === 'string' && raw.ticketId.trim() ? 'ticketId' : 'ticketChoice';
      return form({ [field]: `There is no ticket ${request.partnerTicketId}. Check the id.` });
    }
  } catch (err) {
    if (!(err instanceof MmdApiError)) throw err;
    turn.log.warn({ err }, 'linked ticket not checked');
    return form(
      {},
      {
        tone: 'attention',
        text: `I could not check the linked ticket just now, so nothing was sent. Try again in a minute. Reference: ${turn.correlationId}.`,
      },
    );
  }
  return submitOnce({
    turn,
    deps,
    formId: data.formId,
    verb: 'elevation.create',
    subject: 'elevation',
    result: elevationSchema,
    work: async () => {
      const created = await deps.mmd.elevations.create(request, { signal: turn.signal });
      await recordChange(turn, deps, {
        action: 'elevation.create',
        target: { kind: 'elevation', id: created.id },
        deviceName: request.deviceName,
        detail: `${request.deviceName}, ticket ${request.partnerTicketId}`,
      });
      return created;
    },
    reconcile: (since) => findCreatedElevation(deps.mmd, request, since, turn.signal),
    done: async (created) =>
      card(
        elevationDetailCard({ request: created, now: nowFor(turn, deps) }),
        `Elevation request for ${plain(created.deviceName)} created.`,
      ),
    form,
  });
}

/** The request with this id on its device, when both are known and it can be read. */
async function findRequest(turn: Turn, id: string, deviceName: string | undefined, deps: BotDeps): Promise<ElevationRequest | undefined> {
  if (!deviceName) return undefined;
  try {
    const page = await deps.mmd.elevations.list({ deviceName, top: 50 }, { signal: turn.signal });
    return page.items.find((r) => r.id.trim().toLowerCase() === id.trim().toLowerCase());
  } catch (err) {
    if (!(err instanceof MmdApiError)) throw err;
    turn.log.warn({ err }, 'elevation request not read');
    return undefined;
  }
}

/** "Close request…" on an elevation card. */
export async function openCloseForm(
  turn: Turn,
  query: { id: string; deviceName?: string; from?: FormOrigin },
  deps: BotDeps,
): Promise<Reply> {
  const now = deps.now();
  const request = await findRequest(turn, query.id, query.deviceName, deps);
  if (request?.requestClosureTime) {
    if (query.from?.verb === 'elevations.page')
      return withText(await listElevations(turn, query.from.data, deps), 'This elevation request is already closed.');
    return card(elevationDetailCard({ request, now: nowFor(turn, deps) }), 'This elevation request is already closed.');
  }
  return card(
    closeElevationForm({
      requestId: query.id,
      deviceName: query.deviceName,
      request,
      formId: newFormId(deps.now()),
      from: query.from,
      now,
    }),
  );
}

const closeResult = z.object({
  requestId: z.string(),
  deviceName: z.string().optional(),
  actionsTaken: z.string(),
  closedAt: z.string(),
});

/** The close form's submit: closed once per form, then the closed request is shown. */
export async function closeElevation(turn: Turn, data: VerbData<'elevation.close'>, deps: BotDeps): Promise<Reply> {
  const now = deps.now();
  const raw: Record<string, unknown> = data;
  const deviceName = data.deviceName?.trim() || undefined;
  const form = async (errors: FieldErrors, notice?: FormNotice) =>
    card(
      closeElevationForm({
        requestId: data.requestId,
        deviceName,
        formId: data.formId,
        from: data.from,
        values: formText(CLOSE_FIELDS, raw),
        errors,
        notice,
        now,
      }),
    );
  const check = checkClose(raw, now);
  if (!check.ok) return form(check.errors);
  const signed = await signText(turn, deps, check.actionsTaken, CLOSE_FIELDS.actionsTaken.maxLength);
  if (!signed.ok) return form({ actionsTaken: tooLongWithAttribution('text', signed.room, check.actionsTaken.length) });
  const actionsTaken = signed.text;
  return submitOnce({
    turn,
    deps,
    formId: data.formId,
    verb: 'elevation.close',
    subject: 'close',
    result: closeResult,
    work: async () => {
      await deps.mmd.elevations.close(data.requestId, actionsTaken, { signal: turn.signal });
      await recordChange(turn, deps, {
        action: 'elevation.close',
        target: { kind: 'elevation', id: data.requestId },
        deviceName,
        detail: deviceName,
      });
      return { requestId: data.requestId, deviceName, actionsTaken, closedAt: deps.now().toISOString() };
    },
    reconcile: async () => {
      const closure = await findClosure(deps.mmd, data.requestId, deviceName, turn.signal);
      return (
        closure && { requestId: data.requestId, deviceName, actionsTaken: closure.actionsTaken ?? actionsTaken, closedAt: closure.closedAt }
      );
    },
    done: async (closed) => {
      // Closed from the list: the list comes back, read again, the request shown as closed.
      if (data.from?.verb === 'elevations.page')
        return withText(await listElevations(turn, data.from.data, deps), 'The elevation request was closed.');
      const found = await findRequest(turn, closed.requestId, closed.deviceName, deps);
      // The service may list it a moment before it shows the closure: what we did is known.
      const request = found
        ? {
            ...found,
            requestClosureTime: found.requestClosureTime ?? closed.closedAt,
            actionsTaken: found.actionsTaken || closed.actionsTaken,
          }
        : closedView(closed);
      // Closed from the request's own card: that card again, with its Back to the list.
      const back = data.from?.verb === 'elevation.open' ? data.from.data.back : undefined;
      return card(elevationDetailCard({ request, now: nowFor(turn, deps), back }), 'The elevation request was closed.');
    },
    form,
  });
}

function withText(reply: Reply, text: string): Reply {
  return reply.kind === 'card' ? { ...reply, text } : reply;
}

/** What we know of a request we closed but cannot read back (the API has no get by id). */
function closedView(closed: z.infer<typeof closeResult>): ElevationRequest {
  return {
    id: closed.requestId,
    tenantId: null,
    partnerId: null,
    requestingAgentUpn: null,
    partnerTicketId: null,
    deviceName: closed.deviceName ?? null,
    title: null,
    category: null,
    subcategory: null,
    planOfAction: null,
    actionsTaken: closed.actionsTaken,
    closingAgentUpn: null,
    requestCreationTime: null,
    requestClosureTime: closed.closedAt,
    requestRenewTime: null,
    isSuccessfulRequest: null,
    viewerUpns: [],
    passwordLastUpdatedTime: null,
    isDeleted: null,
  };
}
