import { listDevices, showDevice } from './handlers/devices';
import {
  listEnrollmentFailures,
  openEnrollmentFailureForm,
  reportEnrollmentFailure,
  showEnrollmentFailure,
} from './handlers/enrollment-failures';
import { createIncident, openIncidentForm, openTicketFromIncident, updateIncident } from './handlers/incident-form';
import { incidentFiltersFromChoices, listIncidents, showIncident } from './handlers/incidents';
import { listElevations, showElevation } from './handlers/elevations';
import { chooseElevationCategory, closeElevation, createElevation, openCloseForm, openElevationForm } from './handlers/elevation-form';
import { auditRefusedReveal, hideElevationDetails, revealElevationDetails, showElevationDetails } from './handlers/elevation-details';
import { showAudit } from './handlers/audit';
import { showHelp } from './handlers/help';
import { cancelForm } from './handlers/form-cancel';
import { addNote, openNoteForm } from './handlers/note-form';
import { chooseTicketCategory, createTicket, openTicketForm } from './handlers/ticket-form';
import { notifySetting } from './handlers/notify-settings';
import { startSignIn } from './sign-in/sign-in-invokes';
import { subscribeAll } from './handlers/subscribe-all';
import { subscribeToTicket, unsubscribeFromTicket } from './handlers/subscribe';
import { showSubscriptions } from './handlers/subscriptions';
import { filtersFromChoices, listTickets, showNotes, showTicket } from './handlers/tickets';
import { listUsers, showUser } from './handlers/users';
import { openTicketDialog, submitTicketDialog } from './extensions/create-ticket-dialog';
import type { ExtensionRoutes } from './extensions/extension-route';
import { unfurlLink } from './extensions/link-unfurl';
import { searchItems } from './extensions/search';
import { selectItem } from './extensions/select-item';
import type { IntentRoutes, Routes, VerbRoutes } from './route';

/*
 * The whole bot on one screen: every chat command (intent), every card verb and every message
 * extension invoke, each mapped to a small handler and to the plain words used when it fails
 * ("Listing devices failed").
 * Every route names the least role that may run it (src/config/roles.ts); dispatch refuses
 * anyone below it before the handler runs. The field is required: a new route must say.
 * The `command` verb (help and welcome buttons) runs a chat command: dispatch.ts parses it and
 * uses the intents table, so it has no entry here.
 */

const intents: IntentRoutes = {
  // Help lists only what the sender's role allows, read from this table.
  help: { useCase: 'help', mmd: false, what: () => 'Showing help', run: (turn, _intent, deps) => showHelp(turn, deps, intents) },
  devices: { useCase: 'devices.list', mmd: true, what: () => 'Listing devices', run: listDevices },
  device: { useCase: 'device.open', mmd: true, what: (i) => `Looking up device ${i.name}`, run: showDevice },
  users: { useCase: 'users.list', mmd: true, what: () => 'Listing users', run: listUsers },
  user: { useCase: 'user.open', mmd: true, what: (i) => `Looking up user ${i.upn}`, run: showUser },
  tickets: { useCase: 'tickets.list', mmd: true, what: () => 'Listing tickets', run: listTickets },
  ticket: { useCase: 'ticket.open', mmd: true, what: (i) => `Opening ticket ${i.id}`, run: showTicket },
  notes: { useCase: 'ticket.open', mmd: true, what: (i) => `Reading the notes of ticket ${i.id}`, run: showNotes },
  elevations: { useCase: 'elevations.list', mmd: true, what: () => 'Listing elevation requests', run: listElevations },
  elevation: {
    useCase: 'elevation.reveal',
    mmd: true,
    what: (i) => `Getting the elevation details of ${i.deviceName}`,
    run: showElevationDetails,
  },
  newTicket: { useCase: 'ticket.create', mmd: true, what: () => 'Opening the new ticket form', run: openTicketForm },
  requestElevation: { useCase: 'elevation.create', mmd: true, what: () => 'Opening the elevation request form', run: openElevationForm },
  audit: { useCase: 'audit.read', mmd: false, what: () => 'Reading the audit log', run: showAudit },
  subscribe: { useCase: 'ticket.subscribe', mmd: true, what: (i) => `Subscribing to ticket ${i.id}`, run: subscribeToTicket },
  unsubscribe: { useCase: 'ticket.unsubscribe', mmd: true, what: (i) => `Unsubscribing from ticket ${i.id}`, run: unsubscribeFromTicket },
  subscriptions: { useCase: 'subscriptions.list', mmd: false, what: () => 'Listing the subscriptions', run: showSubscriptions },
  subscribeAll: {
    useCase: 'subscribe.all',
    mmd: false,
    what: (i) => (i.off ? 'Stopping the updates about every ticket' : 'Subscribing to every ticket'),
    run: subscribeAll,
  },
  notify: { useCase: 'notify.settings', mmd: false, what: () => 'Changing the notification settings', run: notifySetting },
  incidents: { useCase: 'incidents.list', mmd: false, what: () => 'Listing security incidents', run: listIncidents },
  incident: { useCase: 'incident.open', mmd: false, what: (i) => `Opening security incident ${i.id}`, run: showIncident },
  newIncident: {
    useCase: 'incident.create',
    mmd: false,
    what: () => 'Opening the new incident form',
    run: (t, _i, d) => openIncidentForm(t, {}, d),
  },
  enrollmentFailures: {
    useCase: 'enrollmentFailures.list',
    mmd: true,
    what: () => 'Listing enrollment failures',
    run: listEnrollmentFailures,
  },
  reportEnrollmentFailure: {
    useCase: 'enrollmentFailure.report',
    mmd: true,
    what: () => 'Opening the enrollment failure form',
    run: openEnrollmentFailureForm,
  },
};

const verbs: VerbRoutes = {
  'devices.page': { useCase: 'devices.list', mmd: true, what: () => 'Listing devices', run: listDevices },
  'device.open': { useCase: 'device.open', mmd: true, what: (v) => `Looking up device ${v.name}`, run: showDevice },
  'users.page': { useCase: 'users.list', mmd: true, what: () => 'Listing users', run: listUsers },
  'user.open': { useCase: 'user.open', mmd: true, what: (v) => `Looking up user ${v.upn}`, run: showUser },
  'tickets.page': { useCase: 'tickets.list', mmd: true, what: () => 'Listing tickets', run: listTickets },
  'tickets.filter': {
    useCase: 'tickets.list',
    mmd: true,
    what: () => 'Filtering tickets',
    run: (t, v, d) => listTickets(t, filtersFromChoices(v), d),
  },
  'ticket.open': { useCase: 'ticket.open', mmd: true, what: (v) => `Opening ticket ${v.id}`, run: showTicket },
  'ticket.notes': { useCase: 'ticket.open', mmd: true, what: (v) => `Reading the notes of ticket ${v.id}`, run: showNotes },
  'ticket.subscribe': { useCase: 'ticket.subscribe', mmd: true, what: (v) => `Subscribing to ticket ${v.id}`, run: subscribeToTicket },
  'ticket.unsubscribe': {
    useCase: 'ticket.unsubscribe',
    mmd: true,
    what: (v) => `Unsubscribing from ticket ${v.id}`,
    run: unsubscribeFromTicket,
  },
  'elevations.page': { useCase: 'elevations.list', mmd: true, what: () => 'Listing elevation requests', run: listElevations },
  'elevation.open': { useCase: 'elevation.open', mmd: true, what: () => 'Opening the elevation request', run: showElevation },
  'ticket.newForm': { useCase: 'ticket.create', mmd: true, what: () => 'Opening the new ticket form', run: openTicketForm },
  'ticket.create': { useCase: 'ticket.create', mmd: true, what: () => 'Creating the ticket', run: createTicket },
  'ticket.chooseCategory': { useCase: 'ticket.create', mmd: true, what: () => 'Showing the subcategories', run: chooseTicketCategory },
  'ticket.addNoteForm': {
    useCase: 'ticket.note',
    mmd: true,
    what: (v) => `Opening the add note form of ticket ${v.id}`,
    run: openNoteForm,
  },
  'ticket.addNote': { useCase: 'ticket.note', mmd: true, what: (v) => `Adding a note to ticket ${v.ticketId}`, run: addNote },
  'elevation.requestForm': {
    useCase: 'elevation.create',
    mmd: true,
    what: () => 'Opening the elevation request form',
    run: openElevationForm,
  },
  'elevation.create': { useCase: 'elevation.create', mmd: true, what: () => 'Requesting elevation', run: createElevation },
  'elevation.chooseCategory': {
    useCase: 'elevation.create',
    mmd: true,
    what: () => 'Showing the subcategories',
    run: chooseElevationCategory,
  },
  'elevation.closeForm': { useCase: 'elevation.close', mmd: true, what: () => 'Opening the close elevation form', run: openCloseForm },
  'elevation.close': { useCase: 'elevation.close', mmd: true, what: () => 'Closing the elevation request', run: closeElevation },
  // Every form's Cancel without a card to go back to; the others run the origin's own (reader) verb.
  'form.cancel': { useCase: 'form.cancel', mmd: true, what: () => 'Cancelling the form', run: cancelForm },
  'elevation.reveal': {
    useCase: 'elevation.reveal',
    mmd: true,
    what: (v) => `Revealing the elevation details of ${v.deviceName}`,
    run: revealElevationDetails,
    refused: auditRefusedReveal,
  },
  'elevation.hide': { useCase: 'elevation.hide', mmd: true, what: () => 'Hiding the elevation details', run: hideElevationDetails },
  'audit.page': { useCase: 'audit.read', mmd: false, what: () => 'Reading the audit log', run: showAudit },
  'incidents.page': { useCase: 'incidents.list', mmd: false, what: () => 'Listing security incidents', run: listIncidents },
  'incidents.filter': {
    useCase: 'incidents.list',
    mmd: false,
    what: () => 'Filtering security incidents',
    run: (t, v, d) => listIncidents(t, incidentFiltersFromChoices(v), d),
  },
  'incident.open': { useCase: 'incident.open', mmd: false, what: (v) => `Opening security incident ${v.id}`, run: showIncident },
  'incident.newForm': { useCase: 'incident.create', mmd: false, what: () => 'Opening the new incident form', run: openIncidentForm },
  'incident.create': { useCase: 'incident.create', mmd: false, what: () => 'Creating the incident', run: createIncident },
  'incident.update': { useCase: 'incident.update', mmd: false, what: (v) => `Updating security incident ${v.id}`, run: updateIncident },
  'incident.ticketForm': {
    useCase: 'ticket.create',
    mmd: true,
    what: (v) => `Opening an MMD ticket for security incident ${v.id}`,
    run: openTicketFromIncident,
  },
  'enrollmentFailures.page': {
    useCase: 'enrollmentFailures.list',
    mmd: true,
    what: () => 'Listing enrollment failures',
    run: listEnrollmentFailures,
  },
  'enrollmentFailure.open': {
    useCase: 'enrollmentFailure.open',
    mmd: false,
    what: (v) => `Opening enrollment failure ${v.id}`,
    run: showEnrollmentFailure,
  },
  'enrollmentFailure.reportForm': {
    useCase: 'enrollmentFailure.report',
    mmd: true,
    what: () => 'Opening the enrollment failure form',
    run: openEnrollmentFailureForm,
  },
  'signIn.start': { useCase: 'signIn', mmd: false, what: () => 'Signing in', run: startSignIn },
  'enrollmentFailure.report': {
    useCase: 'enrollmentFailure.report',
    mmd: false,
    what: () => 'Reporting the enrollment failure',
    run: reportEnrollmentFailure,
  },
};

/*
 * Message extension invokes (composeExtension/*): search and action commands by the manifest's
 * command ids (manifest/manifest.json; `npm run package` refuses ids missing here), the chosen
 * search result, and link unfurling. Each answers within Teams' 5 s (extension-dispatch.ts).
 */
const extensions: ExtensionRoutes = {
  query: {
    search: { useCase: 'search', mmd: true, what: () => 'Searching devices and tickets', run: searchItems },
  },
  action: {
    createTicket: {
      open: { useCase: 'ticket.create', mmd: true, what: () => 'Opening the new ticket form', run: openTicketDialog },
      submit: { useCase: 'ticket.create', mmd: true, what: () => 'Creating the ticket', run: submitTicketDialog },
    },
  },
  selectItem: { useCase: 'search', mmd: true, what: () => 'Loading the card', run: (t, i, d) => selectItem(t, i.value, d) },
  queryLink: { useCase: 'search', mmd: true, what: () => 'Previewing the link', run: unfurlLink },
};

export const routes: Routes = { intents, verbs, extensions };
