/**
 * Graph's security incidents and Intune troubleshooting events as resources over the shared
 * HTTP stack: `graph.incidents.list()`, `graph.troubleshootingEvents.create(...)`. Kept beside
 * createGraphClient until the lead folds them into one GraphClient. Permissions:
 * SecurityIncident.ReadWrite.All; DeviceManagementManagedDevices.ReadWrite.All or
 * DeviceManagementConfiguration.ReadWrite.All.
 */
import type { GraphClientOptions } from './graph-sends';
import { graphSend } from './graph-sends';
import { incidentsResource, type IncidentsResource } from './resources/incidents';
import { troubleshootingEventsResource, type TroubleshootingEventsResource } from './resources/troubleshooting-events';

export interface GraphSecurityClient {
  incidents: IncidentsResource;
  troubleshootingEvents: TroubleshootingEventsResource;
}

export function createGraphSecurityClient(options: GraphClientOptions): GraphSecurityClient {
  const context = { v1: graphSend(options, 'v1.0'), beta: graphSend(options, 'beta'), logger: options.logger };
  return { incidents: incidentsResource(context), troubleshootingEvents: troubleshootingEventsResource(context) };
}
