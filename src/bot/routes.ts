import { listDevices, showDevice } from './handlers/devices';
import { listElevations } from './handlers/elevations';
import { closeElevation, createElevation, openCloseForm, openElevationForm } from './handlers/elevation-form';
import { hideElevationDetails, revealElevationDetails, showElevationDetails } from './handlers/elevation-details';
import { showAudit } from './handlers/audit';
import { showHelp } from './handlers/help';
import { addNote, openNoteForm } from './handlers/note-form';
import { createTicket, openTicketForm } from './handlers/ticket-form';
import { subscribeToTicket } from './handlers/subscribe';
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
 * The `command` verb (help and welcome buttons) runs a chat command: dispatch.ts parses it and
 * uses the intents table, so it has no entry here.
 */

const intents: IntentRoutes = {
  help: { what: () => 'Showing help', run: showHelp },
  devices: { what: () => 'Listing devices', run: listDevices },
  device: { what: (i) => `Looking up device ${i.name}`, run: showDevice },
  users: { what: () => 'Listing users', run: listUsers },
  user: { what: (i) => `Looking up user ${i.upn}`, run: showUser },
  tickets: { what: () => 'Listing tickets', run: listTickets },
  ticket: { what: (i) => `Opening ticket ${i.id}`, run: showTicket },
  notes: { what: (i) => `Reading the notes of ticket ${i.id}`, run: showNotes },
  elevations: { what: () => 'Listing elevation requests', run: listElevations },
  elevation: { what: (i) => `Getting the elevation details of ${i.deviceName}`, run: showElevationDetails },
  newTicket: { what: () => 'Opening the new ticket form', run: openTicketForm },
  requestElevation: { what: () => 'Opening the elevation request form', run: openElevationForm },
  audit: { what: () => 'Reading the audit log', run: showAudit },
};

const verbs: VerbRoutes = {
  'devices.page': { what: () => 'Listing devices', run: listDevices },
  'device.open': { what: (v) => `Looking up device ${v.name}`, run: showDevice },
  'users.page': { what: () => 'Listing users', run: listUsers },
  'user.open': { what: (v) => `Looking up user ${v.upn}`, run: showUser },
  'tickets.page': { what: () => 'Listing tickets', run: listTickets },
  'tickets.filter': { what: () => 'Filtering tickets', run: (t, v, d) => listTickets(t, filtersFromChoices(v), d) },
  'ticket.open': { what: (v) => `Opening ticket ${v.id}`, run: showTicket },
  'ticket.notes': { what: (v) => `Reading the notes of ticket ${v.id}`, run: showNotes },
  'ticket.subscribe': { what: (v) => `Subscribing to ticket ${v.id}`, run: subscribeToTicket },
  'elevations.page': { what: () => 'Listing elevation requests', run: listElevations },
  'ticket.newForm': { what: () => 'Opening the new ticket form', run: openTicketForm },
  'ticket.create': { what: () => 'Creating the ticket', run: createTicket },
  'ticket.addNoteForm': { what: (v) => `Opening the add note form of ticket ${v.id}`, run: openNoteForm },
  'ticket.addNote': { what: (v) => `Adding a note to ticket ${v.ticketId}`, run: addNote },
  'elevation.requestForm': { what: () => 'Opening the elevation request form', run: openElevationForm },
  'elevation.create': { what: () => 'Requesting elevation', run: createElevation },
  'elevation.closeForm': { what: () => 'Opening the close elevation form', run: openCloseForm },
  'elevation.close': { what: () => 'Closing the elevation request', run: closeElevation },
  'elevation.reveal': { what: (v) => `Revealing the elevation details of ${v.deviceName}`, run: revealElevationDetails },
  'elevation.hide': { what: () => 'Hiding the elevation details', run: hideElevationDetails },
};

/*
 * Message extension invokes (composeExtension/*): search and action commands by the manifest's
 * command ids (manifest/manifest.json; `npm run package` refuses ids missing here), the chosen
 * search result, and link unfurling. Each answers within Teams' 5 s (extension-dispatch.ts).
 */
const extensions: ExtensionRoutes = {
  query: {
    search: { what: () => 'Searching devices and tickets', run: searchItems },
  },
  action: {
    createTicket: {
      open: { what: () => 'Opening the new ticket form', run: openTicketDialog },
      submit: { what: () => 'Creating the ticket', run: submitTicketDialog },
    },
  },
  selectItem: { what: () => 'Loading the card', run: (t, i, d) => selectItem(t, i.value, d) },
  queryLink: { what: () => 'Previewing the link', run: unfurlLink },
};

export const routes: Routes = { intents, verbs, extensions };
