/**
 * The emulator's in-memory state: seeded at start (and on reset), then changed by the API
 * (created tickets, notes, elevation requests opened and closed).
 */
import { randomBytes } from 'node:crypto';
import { EmulatorError, notFound } from './errors';
import { GraphSecurityStore, type GraphCollection, type RefusalStatus } from './graph/store';
import { mulberry32, subSeed, type Prng } from './prng';
import type { DeviceRecord, ElevationRecord, ElevationSecret, NoteRecord, TicketRecord, UserRecord } from './records';
import { deviceDetail, generateSeed, LOCAL_ADMIN_ACCOUNT, type SeedCatalog, type SeedOptions } from './seed';

/** A device with this many open elevation requests refuses another (403). */
const MAX_OPEN_ELEVATIONS = 2;

export const DEVICE_NOT_FOUND = 'This device does not exist.';
const TOO_MANY_ELEVATIONS = 'This device has too many open elevation requests.';
export const ELEVATION_NOT_FOUND = 'This elevation request does not exist.';
const ELEVATION_CLOSED = 'This elevation request was already closed.';
const NO_OPEN_ELEVATION = 'This device has no open elevation request.';

/** The service's timestamps carry 7 fractional digits. */
function nowIso(): string {
  return new Date().toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

export interface TicketChangeInput {
  state?: string;
  severity?: number;
  nextActionOwner?: string;
  nextActionTime?: string | null;
  resolvedDateTime?: string | null;
}

export interface NewTicketInput {
  title: string;
  description: string;
  type: string;
  category: string;
  subcategory: string;
  severity: number;
  contact: { givenName: string; surname: string; email: string; phoneNumber: string };
  usersOrDevicesImpacted?: number;
  businessImpact?: string;
  issueFirstNoticed?: string;
  issueReproduced?: boolean;
  endUserSupportEngaged?: boolean;
  troubleshootingSteps?: string;
  reproSteps?: string;
}

export interface NewElevationInput {
  partnerTicketId: string;
  deviceName: string;
  title: string;
  category: string;
  subcategory: string;
  planOfAction: string;
}

export interface ElevationDetails {
  tenantId: string;
  deviceName: string;
  openedElevationRequestId: string;
  aadDeviceId: string;
  accountUpn: string;
  password: string;
  passwordLastUpdated: string;
  status: string;
  isPasswordChanged: boolean;
  viewedBy: string[];
}

export class EmulatorStore {
  private devices: DeviceRecord[] = [];
  private deviceIndex = new Map<string, number>();
  private deviceHaystacks: string[] = [];
  private users: UserRecord[] = [];
  private userIndex = new Map<string, UserRecord>();
  private userHaystacks: string[] = [];
  private ticketList: TicketRecord[] = [];
  private elevationList: ElevationRecord[] = [];
  private secrets = new Map<string, ElevationSecret>();
  private catalog!: SeedCatalog;
  private runtime!: Prng;
  private nextTicketNumber = 1465059;
  private seed: number;
  /** Graph security incidents and Intune troubleshooting events, seeded from the same tenant. */
  readonly graph: GraphSecurityStore;

  /** The seed's "now" of the current data (see seed.ts, Dates). */
  private anchorMs = 0;

  /**
   * `clock` anchors the seeded dates at every (re)seed, so the sample tenant reads like a live
   * one whenever it starts; `options.anchorMs`, when given, pins them instead (deterministic).
   */
  constructor(
    private readonly options: SeedOptions,
    graphRefusals: Partial<Record<GraphCollection, RefusalStatus>> = {},
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.seed = options.seed;
    this.graph = new GraphSecurityStore(graphRefusals);
    this.reset(options.seed);
  }

  /** Throws away every change and reseeds (same seed unless one is given). */
  reset(seed: number = this.seed): void {
    this.seed = seed;
    this.anchorMs = this.options.anchorMs ?? this.clock().getTime();
    const data = generateSeed({ ...this.options, seed, anchorMs: this.anchorMs });
    this.devices = data.devices;
    this.users = data.users;
    this.ticketList = data.tickets;
    this.elevationList = data.elevations;
    this.secrets = data.secrets;
    this.catalog = data.catalog;
    this.runtime = mulberry32(subSeed(seed, 7, 0));
    this.nextTicketNumber = 1465059;
    this.deviceIndex = new Map();
    this.devices.forEach((device, i) => {
      if (device.name !== '') this.deviceIndex.set(device.name.toLowerCase(), i);
    });
    // One lower-cased string per record keeps a search over 10,000 devices to a single pass.
    this.deviceHaystacks = this.devices.map((d) =>
      [d.name, d.serialNumber, d.globalDeviceId, d.userUpn, d.userEmail].filter(Boolean).join('\u0000').toLowerCase(),
    );
    this.userIndex = new Map(this.users.map((user) => [user.upn.toLowerCase(), user]));
    this.userHaystacks = this.users.map((u) =>
      [u.name, u.upn, u.email, ...u.devices.flatMap((d) => [d.serialNumber, d.name])].filter(Boolean).join('\u0000').toLowerCase(),
    );
    this.graph.reset(seed, this.devices, this.users, this.anchorMs);
  }

  get tenantId(): string {
    return this.options.tenantId;
  }

  listDevices(searchText: string | null): DeviceRecord[] {
    if (!searchText) return this.devices;
    const needle = searchText.toLowerCase();
    return this.devices.filter((_, i) => this.deviceHaystacks[i]!.includes(needle));
  }

  /** The device entity with its groups and configurations, or undefined. */
  getDevice(name: string): DeviceRecord | undefined {
    const index = this.deviceIndex.get(name.toLowerCase());
    if (index === undefined) return undefined;
    const device = this.devices[index]!;
    return { ...device, ...deviceDetail(this.seed, index, device, this.catalog, this.anchorMs) };
  }

  listUsers(searchText: string | null): UserRecord[] {
    if (!searchText) return this.users;
    const needle = searchText.toLowerCase();
    return this.users.filter((_, i) => this.userHaystacks[i]!.includes(needle));
  }

  getUser(upn: string): UserRecord | undefined {
    return this.userIndex.get(upn.toLowerCase());
  }

  tickets(): readonly TicketRecord[] {
    return this.ticketList;
  }

  getTicket(id: string): TicketRecord | undefined {
    return this.ticketList.find((ticket) => ticket.id.toLowerCase() === id.toLowerCase());
  }

  createTicket(input: NewTicketInput): TicketRecord {
    const id = `MMD-${this.nextTicketNumber++}-${this.runtime.chars(5, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}`;
    const ticket: TicketRecord = {
      title: input.title,
      description: input.description,
      isPartner: false,
      type: input.type,
      category: input.category,
      subcategory: input.subcategory,
      compromiseIndicator: null,
      usersOrDevicesImpacted: input.usersOrDevicesImpacted ?? null,
      relatedAlerts: null,
      businessImpact: input.businessImpact ?? null,
      issueFirstNoticed: input.issueFirstNoticed ?? null,
      issueReproduced: input.issueReproduced ?? null,
      endUserSupportEngaged: input.endUserSupportEngaged ?? null,
      troubleshootingSteps: input.troubleshootingSteps ?? null,
      nextActionOwner: 'Microsoft',
      nextActionTime: null,
      reproSteps: input.reproSteps ?? null,
      id,
      severity: input.severity,
      state: 'active',
      createdDateTime: nowIso(),
      resolvedDateTime: null,
      contact: { id: this.runtime.uuid(), ...input.contact, preferredLanguageId: '' },
      emails: [],
      attachments: [],
      notes: [],
    };
    // Newest first: the default order of the list.
    this.ticketList.unshift(ticket);
    return ticket;
  }

  addNote(ticket: TicketRecord, text: string, sender: string): NoteRecord {
    const stamp = nowIso();
    const note: NoteRecord = {
      id: ticket.notes.length,
      type: 'post',
      renderType: 'html',
      createdDateTime: stamp,
      modifiedDateTime: stamp,
      text,
      sender,
    };
    ticket.notes.push(note);
    return note;
  }

  /** What Microsoft's side changes on a ticket (the emulator's admin route plays it). */
  changeTicket(ticket: TicketRecord, change: TicketChangeInput): TicketRecord {
    Object.assign(ticket, change);
    return ticket;
  }

  elevations(): readonly ElevationRecord[] {
    return this.elevationList;
  }

  getElevation(id: string): ElevationRecord | undefined {
    return this.elevationList.find((e) => e.id.toLowerCase() === id.toLowerCase());
  }

  private openElevations(deviceName: string): ElevationRecord[] {
    const name = deviceName.toLowerCase();
    return this.elevationList.filter((e) => e.deviceName.toLowerCase() === name && e.requestClosureTime === null);
  }

  /** Opens an elevation request: 404 for an unknown device, 403 past the open limit. */
  createElevation(input: NewElevationInput, agentUpn: string): ElevationRecord {
    const device = this.getDevice(input.deviceName);
    if (!device) throw notFound(DEVICE_NOT_FOUND);
    if (this.openElevations(device.name).length >= MAX_OPEN_ELEVATIONS) throw new EmulatorError(403, TOO_MANY_ELEVATIONS);
    const now = nowIso();
    const record: ElevationRecord = {
      id: this.runtime.uuid(),
      tenantId: this.options.tenantId,
      partnerId: this.options.tenantId,
      requestingAgentUpn: agentUpn,
      partnerTicketId: input.partnerTicketId,
      deviceName: device.name,
      title: input.title,
      category: input.category,
      subcategory: input.subcategory,
      planOfAction: input.planOfAction,
      actionsTaken: '',
      closingAgentUpn: '',
      requestCreationTime: now,
      requestClosureTime: null,
      requestRenewTime: null,
      isSuccessfulRequest: true,
      viewerUpns: [],
      passwordLastUpdatedTime: now,
      isDeleted: false,
      ttl: 7776000,
      eTag: null,
    };
    this.elevationList.unshift(record);
    // A real secret at run time: never derived from the seed.
    this.secrets.set(record.id, {
      password: randomBytes(15).toString('base64').replace(/[+/=]/g, 'x'),
      passwordLastUpdated: now,
      viewedBy: ['System'],
    });
    return record;
  }

  /** Closes a request: 404 when unknown, 400 when already closed. */
  closeElevation(id: string, actionsTaken: string, agentUpn: string): ElevationRecord {
    const record = this.getElevation(id);
    if (!record) throw notFound(ELEVATION_NOT_FOUND);
    if (record.requestClosureTime !== null) throw new EmulatorError(400, ELEVATION_CLOSED);
    record.actionsTaken = actionsTaken;
    record.closingAgentUpn = agentUpn;
    record.requestClosureTime = nowIso();
    this.secrets.delete(record.id);
    return record;
  }

  /**
   * The device's open elevation with its local administrator password; records the viewer.
   * 404 when the device is unknown or has no open request.
   */
  elevationDetails(deviceName: string, viewer: string): ElevationDetails {
    const device = this.getDevice(deviceName);
    if (!device) throw notFound(DEVICE_NOT_FOUND);
    const open = this.openElevations(device.name)[0];
    const secret = open && this.secrets.get(open.id);
    if (!open || !secret) throw notFound(NO_OPEN_ELEVATION);
    if (!secret.viewedBy.includes(viewer)) secret.viewedBy.push(viewer);
    if (!open.viewerUpns.includes(viewer)) open.viewerUpns.push(viewer);
    return {
      tenantId: this.options.tenantId,
      deviceName: device.name,
      openedElevationRequestId: open.id,
      aadDeviceId: device.aadDeviceId,
      accountUpn: LOCAL_ADMIN_ACCOUNT,
      password: secret.password,
      passwordLastUpdated: secret.passwordLastUpdated,
      status: 'PasswordSucceeded',
      isPasswordChanged: false,
      viewedBy: [...secret.viewedBy],
    };
  }
}
