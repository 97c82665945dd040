/** The emulator's one routing table: every path it serves, in one place. */
import type { Route } from './http';
import { addFault, clearFaults, listFaults, reset } from './routes/admin';
import { getDevice, getElevationDetails, listDevices } from './routes/devices';
import { closeElevation, createElevation, getElevation, listElevations } from './routes/elevations';
import { devToken, instanceDiscovery, issueToken, openIdConfiguration, signingKeys } from './routes/identity';
import { addNote, createTicket, getTicket, listNotes, listTickets } from './routes/tickets';
import { getUser, listUsers } from './routes/users';

const API = '/support/odata/v1';
const TENANT = `${API}/tenants/:tenantId`;

export const ROUTES: Route[] = [
  // MMD API (bearer token; a :tenantId must be the emulator's tenant)
  { method: 'GET', path: `${TENANT}/devices`, auth: 'bearer', handler: listDevices },
  { method: 'GET', path: `${TENANT}/devices/:name`, auth: 'bearer', handler: getDevice },
  { method: 'GET', path: `${TENANT}/devices/:name/elevationDetails`, auth: 'bearer', handler: getElevationDetails },
  { method: 'GET', path: `${TENANT}/users`, auth: 'bearer', handler: listUsers },
  { method: 'GET', path: `${TENANT}/users/:upn`, auth: 'bearer', handler: getUser },
  { method: 'GET', path: `${API}/tickets`, auth: 'bearer', handler: listTickets },
  { method: 'POST', path: `${API}/tickets`, auth: 'bearer', handler: createTicket },
  // tickets('ID') arrives rewritten to tickets/ID by the key rewrite (see paths.ts).
  { method: 'GET', path: `${API}/tickets/:key`, auth: 'bearer', handler: getTicket },
  { method: 'GET', path: `${API}/tickets/:key/notes`, auth: 'bearer', handler: listNotes },
  { method: 'POST', path: `${API}/tickets/:key/addNote`, auth: 'bearer', handler: addNote },
  { method: 'GET', path: `${TENANT}/elevationRequests`, auth: 'bearer', handler: listElevations },
  { method: 'POST', path: `${TENANT}/elevationRequests`, auth: 'bearer', handler: createElevation },
  { method: 'GET', path: `${TENANT}/elevationRequests/:id`, auth: 'bearer', handler: getElevation },
  { method: 'PATCH', path: `${TENANT}/elevationRequests/:id`, auth: 'bearer', handler: closeElevation },

  // Identity platform
  { method: 'POST', path: '/:tenantId/oauth2/v2.0/token', auth: 'none', handler: issueToken },
  { method: 'POST', path: '/:tenantId/oauth2/token', auth: 'none', handler: issueToken },
  { method: 'GET', path: '/:tenantId/v2.0/.well-known/openid-configuration', auth: 'none', handler: openIdConfiguration },
  { method: 'GET', path: '/:tenantId/.well-known/openid-configuration', auth: 'none', handler: openIdConfiguration },
  { method: 'GET', path: '/:tenantId/discovery/v2.0/keys', auth: 'none', handler: signingKeys },
  { method: 'GET', path: '/common/discovery/instance', auth: 'none', handler: instanceDiscovery },

  // Emulator only
  { method: 'GET', path: '/_emulator/faults', auth: 'none', handler: listFaults },
  { method: 'POST', path: '/_emulator/faults', auth: 'none', handler: addFault },
  { method: 'DELETE', path: '/_emulator/faults', auth: 'none', handler: clearFaults },
  { method: 'POST', path: '/_emulator/reset', auth: 'none', handler: reset },
  // A development SSO token for the tab (what Teams' getAuthToken answers), signed by the emulator's key.
  { method: 'POST', path: '/_emulator/dev-token', auth: 'none', handler: devToken },
];
