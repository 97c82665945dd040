/**
 * State of the emulated Graph security incidents and Intune troubleshooting events: seeded with
 * the MMD sample tenant (reset with it), changed by create and update, and a switch that makes
 * create refuse the way a real tenant may (beta create is not available everywhere).
 */
import { randomUUID } from 'node:crypto';
import type { DeviceRecord, UserRecord } from '../records';
import { GraphError, graphCode } from './errors';
import type { IncidentRecord, TroubleshootingEventRecord } from './records';
import { generateGraphSeed } from './seed';

export type GraphCollection = 'incidents' | 'troubleshootingEvents';
/** Statuses a refused create may answer with. */
export const REFUSAL_STATUSES = [400, 403, 405] as const;
export type RefusalStatus = (typeof REFUSAL_STATUSES)[number];

const REFUSAL_MESSAGES: Record<RefusalStatus, string> = {
  400: 'Creating this resource is not supported in this tenant.',
  403: 'Insufficient privileges to complete the operation.',
  405: 'The requested HTTP method is not allowed for this resource.',
};

export type IncidentChanges = Partial<
  Pick<IncidentRecord, 'assignedTo' | 'classification' | 'determination' | 'status' | 'severity' | 'displayName' | 'tags'>
>;

function nowIso(): string {
  return new Date().toISOString();
}

export class GraphSecurityStore {
  private incidentList: IncidentRecord[] = [];
  private eventList: TroubleshootingEventRecord[] = [];
  private refusals = new Map<GraphCollection, RefusalStatus>();
  private nextIncidentNumber = 2000;

  constructor(private readonly defaultRefusals: Partial<Record<GraphCollection, RefusalStatus>> = {}) {}

  /** `anchorMs`: the MMD seed's "now", so incidents and events sit in the same time as the devices. */
  reset(seed: number, devices: DeviceRecord[], users: UserRecord[], anchorMs = Date.now()): void {
    const data = generateGraphSeed(seed, devices, users, anchorMs);
    this.incidentList = data.incidents;
    this.eventList = data.events;
    this.nextIncidentNumber = 2000;
    this.refusals = new Map(Object.entries(this.defaultRefusals) as [GraphCollection, RefusalStatus][]);
  }

  /** Makes create on a collection answer `status` (null: accept again). */
  refuseCreate(collection: GraphCollection, status: RefusalStatus | null): void {
    if (status === null) this.refusals.delete(collection);
    else this.refusals.set(collection, status);
  }

  refusalsNow(): Partial<Record<GraphCollection, RefusalStatus>> {
    return Object.fromEntries(this.refusals);
  }

  private checkCreate(collection: GraphCollection): void {
    const status = this.refusals.get(collection);
    if (status !== undefined) throw new GraphError(status, status === 403 ? 'Forbidden' : graphCode(status), REFUSAL_MESSAGES[status]);
  }

  incidents(): readonly IncidentRecord[] {
    return this.incidentList;
  }

  getIncident(id: string): IncidentRecord | undefined {
    return this.incidentList.find((incident) => incident.id === id);
  }

  createIncident(input: Omit<IncidentRecord, '@odata.type' | 'id' | 'createdDateTime' | 'lastUpdateDateTime'>): IncidentRecord {
    this.checkCreate('incidents');
    const stamp = nowIso();
    const record: IncidentRecord = {
      '@odata.type': '#microsoft.graph.incident',
      id: String(this.nextIncidentNumber++),
      ...input,
      createdDateTime: stamp,
      lastUpdateDateTime: stamp,
    };
    this.incidentList.unshift(record);
    return record;
  }

  updateIncident(record: IncidentRecord, changes: IncidentChanges): IncidentRecord {
    Object.assign(record, changes, { lastUpdateDateTime: nowIso() });
    return record;
  }

  /** Newest first by eventDateTime (created events may carry any time). */
  events(): readonly TroubleshootingEventRecord[] {
    return [...this.eventList].sort((a, b) => Date.parse(b.eventDateTime) - Date.parse(a.eventDateTime));
  }

  getEvent(id: string): TroubleshootingEventRecord | undefined {
    return this.eventList.find((e) => e.id.toLowerCase() === id.toLowerCase());
  }

  createEvent(input: Omit<TroubleshootingEventRecord, '@odata.type' | 'id'>): TroubleshootingEventRecord {
    this.checkCreate('troubleshootingEvents');
    const record: TroubleshootingEventRecord = {
      '@odata.type': '#microsoft.graph.enrollmentTroubleshootingEvent',
      id: randomUUID(),
      ...input,
    };
    this.eventList.unshift(record);
    return record;
  }
}
