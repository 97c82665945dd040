import { listDevices, showDevice } from './handlers/devices';
import { listEnrollmentFailures, openEnrollmentFailureForm, reportEnrollmentFailure, showEnrollmentFailure } from './handlers/enrollment-failures';
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
  help: { role: 'reader', what: () => 'Showing help', run: (turn, _intent, deps) => showHelp(turn, deps, intents) },
  devices: { role: 'reader', what: () => 'Listing devices', run: listDevices },
  device: { role: 'reader', what: (i) => `Looking up device ${i.name}`, run: showDevice },
  users: { role: 'reader', what: () => 'Listing users', run: listUsers },
  user: { role: 'reader', what: (i) => `Looking up user ${i.upn}`, run: showUser },
  tickets: { role: 'reader', what: () => 'Listing tickets', run: listTickets },
  ticket: { role: 'reader', what: (i) => `Opening ticket ${i.id}`, run: showTicket },
  notes: { role: 'reader', what: (i) => `Reading the notes of ticket ${i.id}`, run: showNotes },
  elevations: { role: 'reader', what: () => 'Listing elevation requests', run: listElevations },
  elevation: { role: 'admin', what: (i) => `Getting the elevation details of ${i.deviceName}`, run: showElevationDetails },
  newTicket: { role: 'operator', what: () => 'Opening the new ticket form', run: openTicketForm },
  requestElevation: { role: 'operator', what: () => 'Opening the elevation request form', run: openElevationForm },
  audit: { role: 'admin', what: () => 'Reading the audit log', run: showAudit },
  subscribe: { role: 'reader', what: (i) => `Subscribing to ticket ${i.id}`, run: subscribeToTicket },
  unsubscribe: { role: 'reader', what: (i) => `Unsubscribing from ticket ${i.id}`, run: unsubscribeFromTicket },
  subscriptions: { role: 'reader', what: () => 'Listing the subscriptions', run: showSubscriptions },
  subscribeAll: { role: 'admin', what: (i) => (i.off ? 'Stopping the updates about every ticket' : 'Subscribing to every ticket'), run: subscribeAll },
  notify: { role: 'reader', what: () => 'Changing the notification settings', run: notifySetting },
  incidents: { role: 'reader', what: () => 'Listing security incidents', run: listIncidents },
  incident: { role: 'reader', what: (i) => `Opening security incident ${i.id}`, run: showIncident },
  newIncident: { role: 'operator', what: () => 'Opening the new incident form', run: (t, _i, d) => openIncidentForm(t, {}, d) },
  enrollmentFailures: { role: 'reader', what: () => 'Listing enrollment failures', run: listEnrollmentFailures },
  reportEnrollmentFailure: { role: 'operator', what: () => 'Opening the enrollment failure form', run: openEnrollmentFailureForm },
};

const verbs: VerbRoutes = {
  'devices.page': { role: 'reader', what: () => 'Listing devices', run: listDevices },
  'device.open': { role: 'reader', what: (v) => `Looking up device ${v.name}`, run: showDevice },
  'users.page': { role: 'reader', what: () => 'Listing users', run: listUsers },
  'user.open': { role: 'reader', what: (v) => `Looking up user ${v.upn}`, run: showUser },
  'tickets.page': { role: 'reader', what: () => 'Listing tickets', run: listTickets },
  'tickets.filter': { role: 'reader', what: () => 'Filtering tickets', run: (t, v, d) => listTickets(t, filtersFromChoices(v), d) },
  'ticket.open': { role: 'reader', what: (v) => `Opening ticket ${v.id}`, run: showTicket },
  'ticket.notes': { role: 'reader', what: (v) => `Reading the notes of ticket ${v.id}`, run: showNotes },
  'ticket.subscribe': { role: 'reader', what: (v) => `Subscribing to ticket ${v.id}`, run: subscribeToTicket },
  'ticket.unsubscribe': { role: 'reader', what: (v) => `Unsubscribing from ticket ${v.id}`, run: unsubscribeFromTicket },
  'elevations.page': { role: 'reader', what: () => 'Listing elevation requests', run: listElevations },
  'elevation.open': { role: 'reader', what: () => 'Opening the elevation request', run: showElevation },
  'ticket.newForm': { role: 'operator', what: () => 'Opening the new ticket form', run: openTicketForm },
  'ticket.create': { role: 'operator', what: () => 'Creating the ticket', run: createTicket },
  'ticket.chooseCategory': { role: 'operator', what: () => 'Showing the subcategories', run: chooseTicketCategory },
  'ticket.addNoteForm': { role: 'operator', what: (v) => `Opening the add note form of ticket ${v.id}`, run: openNoteForm },
  'ticket.addNote': { role: 'operator', what: (v) => `Adding a note to ticket ${v.ticketId}`, run: addNote },
  'elevation.requestForm': { role: 'operator', what: () => 'Opening the elevation request form', run: openElevationForm },
  'elevation.create': { role: 'operator', what: () => 'Requesting elevation', run: createElevation },
  'elevation.chooseCategory': { role: 'operator', what: () => 'Showing the subcategories', run: chooseElevationCategory },
  'elevation.closeForm': { role: 'admin', what: () => 'Opening the close elevation form', run: openCloseForm },
  'elevation.close': { role: 'admin', what: () => 'Closing the elevation request', run: closeElevation },
  // Every form's Cancel without a card to go back to; the others run the origin's own (reader) verb.
  'form.cancel': { role: 'reader', what: () => 'Cancelling the form', run: cancelForm },
  'elevation.reveal': { role: 'admin', what: (v) => `Revealing the elevation details of ${v.deviceName}`, run: revealElevationDetails, refused: auditRefusedReveal },
  'elevation.hide': { role: 'reader', what: () => 'Hiding the elevation details', run: hideElevationDetails },
  'audit.page': { role: 'admin', what: () => 'Reading the audit log', run: showAudit },
  'incidents.page': { role: 'reader', what: () => 'Listing security incidents', run: listIncidents },
  'incidents.filter': { role: 'reader', what: () => 'Filtering security incidents', run: (t, v, d) => listIncidents(t, incidentFiltersFromChoices(v), d) },
  'incident.open': { role: 'reader', what: (v) => `Opening security incident ${v.id}`, run: showIncident },
  'incident.newForm': { role: 'operator', what: () => 'Opening the new incident form', run: openIncidentForm },
  'incident.create': { role: 'operator', what: () => 'Creating the incident', run: createIncident },
  'incident.update': { role: 'operator', what: (v) => `Updating security incident ${v.id}`, run: updateIncident },
  'incident.ticketForm': { role: 'operator', what: (v) => `Opening an MMD ticket for security incident ${v.id}`, run: openTicketFromIncident },
  'enrollmentFailures.page': { role: 'reader', what: () => 'Listing enrollment failures', run: listEnrollmentFailures },
  'enrollmentFailure.open': { role: 'reader', what: (v) => `Opening enrollment failure ${v.id}`, run: showEnrollmentFailure },
  'enrollmentFailure.reportForm': { role: 'operator', what: () => 'Opening the enrollment failure form', run: openEnrollmentFailureForm },
  'signIn.start': { role: 'reader', what: () => 'Signing in', run: startSignIn },
  'enrollmentFailure.report': { role: 'operator', what: () => 'Reporting the enrollment failure', run: reportEnrollmentFailure },
};

/*
 * Message extension invokes (composeExtension/*): search and action commands by the manifest's
 * command ids (manifest/manifest.json; `npm run package` refuses ids missing here), the chosen
 * search result, and link unfurling. Each answers within Teams' 5 s (extension-dispatch.ts).
 */
const extensions: ExtensionRoutes = {
  query: {
    search: { role: 'reader', what: () => 'Searching devices and tickets', run: searchItems },
  },
  action: {
    createTicket: {
      open: { role: 'operator', what: () => 'Opening the new ticket form', run: openTicketDialog },
      submit: { role: 'operator', what: () => 'Creating the ticket', run: submitTicketDialog },
    },
  },
  selectItem: { role: 'reader', what: () => 'Loading the card', run: (t, i, d) => selectItem(t, i.value, d) },
  queryLink: { role: 'reader', what: () => 'Previewing the link', run: unfurlLink },
};

export const routes: Routes = { intents, verbs, extensions };
