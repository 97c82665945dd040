/** The emulator's one routing table: every path it serves, in one place. */
import type { Route } from './http';
import { addFault, addSupportNote, changeTicket, clearFaults, listFaults, reset } from './routes/admin';
import { getDevice, getElevationDetails, listDevices } from './routes/devices';
import { listCreateRefusals, setCreateRefusal } from './routes/graph-admin';
import { createIncident, createIncidentV1, getIncident, listIncidents, updateIncident } from './routes/graph-incidents';
import { createEvent, getEvent, listEvents } from './routes/graph-troubleshooting';
import { closeElevation, createElevation, getElevation, listElevations } from './routes/elevations';
import { devToken, instanceDiscovery, issueToken, openIdConfiguration, signingKeys } from './routes/identity';
import {
  completeSignIn,
  exchangeToken,
  getSignInResource,
  getUserToken,
  listExchanges,
  setConsentRequired,
  signOutUser,
} from './routes/token-service';
import { addNote, createTicket, getTicket, listNotes, listTickets } from './routes/tickets';
import { getUser, listUsers } from './routes/users';

const API = '/support/odata/v1';
const TENANT = `${API}/tenants/:tenantId`;
const GRAPH_V1 = '/graph/v1.0';
const GRAPH_BETA = '/graph/beta';

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

  // Microsoft Graph: security incidents (create is beta only) and Intune troubleshooting events (beta)
  { method: 'GET', path: `${GRAPH_V1}/security/incidents`, auth: 'bearer', handler: listIncidents },
  { method: 'GET', path: `${GRAPH_BETA}/security/incidents`, auth: 'bearer', handler: listIncidents },
  { method: 'POST', path: `${GRAPH_BETA}/security/incidents`, auth: 'bearer', handler: createIncident },
  { method: 'POST', path: `${GRAPH_V1}/security/incidents`, auth: 'bearer', handler: createIncidentV1 },
  { method: 'GET', path: `${GRAPH_V1}/security/incidents/:id`, auth: 'bearer', handler: getIncident },
  { method: 'GET', path: `${GRAPH_BETA}/security/incidents/:id`, auth: 'bearer', handler: getIncident },
  { method: 'PATCH', path: `${GRAPH_V1}/security/incidents/:id`, auth: 'bearer', handler: updateIncident },
  { method: 'PATCH', path: `${GRAPH_BETA}/security/incidents/:id`, auth: 'bearer', handler: updateIncident },
  { method: 'GET', path: `${GRAPH_BETA}/deviceManagement/troubleshootingEvents`, auth: 'bearer', handler: listEvents },
  { method: 'POST', path: `${GRAPH_BETA}/deviceManagement/troubleshootingEvents`, auth: 'bearer', handler: createEvent },
  { method: 'GET', path: `${GRAPH_BETA}/deviceManagement/troubleshootingEvents/:id`, auth: 'bearer', handler: getEvent },

  // Identity platform
  { method: 'POST', path: '/:tenantId/oauth2/v2.0/token', auth: 'none', handler: issueToken },
  { method: 'POST', path: '/:tenantId/oauth2/token', auth: 'none', handler: issueToken },
  { method: 'GET', path: '/:tenantId/v2.0/.well-known/openid-configuration', auth: 'none', handler: openIdConfiguration },
  { method: 'GET', path: '/:tenantId/.well-known/openid-configuration', auth: 'none', handler: openIdConfiguration },
  { method: 'GET', path: '/:tenantId/discovery/v2.0/keys', auth: 'none', handler: signingKeys },
  { method: 'GET', path: '/common/discovery/instance', auth: 'none', handler: instanceDiscovery },

  // Bot Framework token service (an Azure Bot's OAuth connection; botbuilder's UserTokenClient calls these)
  { method: 'GET', path: '/api/usertoken/GetToken', auth: 'bot', handler: getUserToken },
  { method: 'POST', path: '/api/usertoken/exchange', auth: 'bot', handler: exchangeToken },
  { method: 'DELETE', path: '/api/usertoken/SignOut', auth: 'bot', handler: signOutUser },
  { method: 'GET', path: '/api/botsignin/GetSignInResource', auth: 'bot', handler: getSignInResource },

  // Emulator only
  { method: 'POST', path: '/_emulator/signin', auth: 'none', handler: completeSignIn },
  { method: 'POST', path: '/_emulator/identity/consent-required', auth: 'none', handler: setConsentRequired },
  { method: 'GET', path: '/_emulator/token-service/exchanges', auth: 'none', handler: listExchanges },
  { method: 'GET', path: '/_emulator/faults', auth: 'none', handler: listFaults },
  { method: 'POST', path: '/_emulator/faults', auth: 'none', handler: addFault },
  { method: 'DELETE', path: '/_emulator/faults', auth: 'none', handler: clearFaults },
  { method: 'POST', path: '/_emulator/reset', auth: 'none', handler: reset },
  { method: 'GET', path: '/_emulator/graph/create-refusals', auth: 'none', handler: listCreateRefusals },
  { method: 'POST', path: '/_emulator/graph/create-refusals', auth: 'none', handler: setCreateRefusal },
  { method: 'POST', path: '/_emulator/tickets/:key/changes', auth: 'none', handler: changeTicket },
  { method: 'POST', path: '/_emulator/tickets/:key/notes', auth: 'none', handler: addSupportNote },
  // A development SSO token for the tab (what Teams' getAuthToken answers), signed by the emulator's key.
  { method: 'POST', path: '/_emulator/dev-token', auth: 'none', handler: devToken },
];
