/**
 * Deterministic seed data of the emulator. The same seed and sizes give the same ids, names and
 * values on every run and machine (mulberry32, never Math.random).
 *
 * Dates: seeded dates are placed before an anchor, the seed's "now": `anchorMs`, by default
 * SEED_ANCHOR (2025-01-15T09:00:00Z), so a seed's output depends on nothing but its options. The
 * emulator passes the time it (re)seeds at, so the sample tenant reads like a live one ("synced
 * 2 hours ago", the newest ticket a few hours old, device ages that match their enrolment
 * dates): every seeded time is the anchor minus the same PRNG draws, so another anchor moves
 * them all by the same amount, keeping their order and the gaps between them. Nothing seeded
 * in the past lies after the anchor (notes and resolutions stop short of it); only a ticket's
 * next action time may be ahead, as in a live tenant. Things created at run time (tickets,
 * notes, elevation requests, closures) carry the real current time.
 *
 * Stable examples (present whenever the sizes allow it, i.e. at least 2 devices, 1 user and
 * 2 tickets; they hold for every seed):
 * - EXAMPLE_DEVICE `MMD-00001`: device names are `MMD-` + the 1-based index padded to 5 digits;
 *   the first device belongs to EXAMPLE_USER_UPN and has no open elevation request.
 * - EXAMPLE_ELEVATED_DEVICE `MMD-00002`: has exactly one open elevation request (so
 *   elevationDetails answers, and one more request may be opened before the limit of 2).
 * - EXAMPLE_USER_UPN `adele.vance@contoso.onmicrosoft.com`: the first user.
 * - EXAMPLE_TICKET_ID `MMD-1465058-R5V8P` (the documents' id): the newest seeded ticket, an
 *   active severity-2 incident with notes, one of them HTML.
 * - EXAMPLE_QUOTED_TICKET_ID `MMD-1400000-O'BRN`: the oldest seeded ticket; its id holds a quote,
 *   so a client must double it in `tickets('...')`.
 * - One device (the 8th, when there are more than 8) has an empty name, as in the documents.
 */
import { mulberry32, subSeed, type Prng } from './prng';
import type {
  ConfigurationRecord,
  DeviceRecord,
  ElevationRecord,
  ElevationSecret,
  GroupRecord,
  NoteRecord,
  TicketRecord,
  UserRecord,
} from './records';
import {
  CLOSING_ACTIONS,
  COMPLIANCE,
  COMPLIANCE_WEIGHTS,
  CONFIGURATIONS,
  DEPLOYMENT_STATUS,
  ELEVATION_REASONS,
  GIVEN_NAMES,
  MODELS,
  NOTE_TEXTS,
  OS_VERSIONS,
  PERSONAS,
  PERSONA_DESCRIPTIONS,
  PERSONA_WEIGHTS,
  RINGS,
  RING_DESCRIPTIONS,
  RING_WEIGHTS,
  SURNAMES,
  TICKET_CATEGORIES,
  TICKET_TITLES,
  USER_GROUPS,
} from './seed-catalog';

const SEED_ANCHOR = '2025-01-15T09:00:00Z';
export const EXAMPLE_DEVICE = 'MMD-00001';
export const EXAMPLE_ELEVATED_DEVICE = 'MMD-00002';
export const EXAMPLE_USER_UPN = 'adele.vance@contoso.onmicrosoft.com';
export const EXAMPLE_TICKET_ID = 'MMD-1465058-R5V8P';
export const EXAMPLE_QUOTED_TICKET_ID = "MMD-1400000-O'BRN";
/** Index of the device with an empty name (when there are more than this many + 1 devices). */
const NAMELESS_DEVICE_INDEX = 7;
/** Name of the local administrator account elevationDetails reports. */
export const LOCAL_ADMIN_ACCOUNT = 'MMDLocalAdmin';

const ANCHOR_MS = Date.parse(SEED_ANCHOR);
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DOMAIN = 'contoso.onmicrosoft.com';

export interface SeedOptions {
  seed: number;
  devices: number;
  users: number;
  tickets: number;
  tenantId: string;
  /** The seed's "now" in ms since the epoch (see Dates above); default SEED_ANCHOR. */
  anchorMs?: number;
}

/** Groups and configurations shared by all devices of one seed (a group has one id). */
export interface SeedCatalog {
  ringGroups: Record<string, GroupRecord>;
  personaGroups: Record<string, GroupRecord>;
  allDevicesGroup: GroupRecord;
  configurations: Omit<ConfigurationRecord, 'deploymentStatus' | 'lastReportedStatusUtc'>[];
}

export interface SeedData {
  devices: DeviceRecord[];
  users: UserRecord[];
  tickets: TicketRecord[];
  elevations: ElevationRecord[];
  /** Keyed by elevation request id; only open requests have one. */
  secrets: Map<string, ElevationSecret>;
  catalog: SeedCatalog;
}

function weighted<T>(prng: Prng, values: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = prng.next() * total;
  for (let i = 0; i < values.length; i++) {
    r -= weights[i]!;
    if (r < 0) return values[i]!;
  }
  return values[values.length - 1]!;
}

/** ISO time; about half carry the service's 7-digit fractions, to keep parsers honest. */
function iso(ms: number, prng: Prng): string {
  const whole = new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '');
  return prng.chance(0.5) ? `${whole}.${prng.chars(7, '0123456789')}Z` : `${whole}Z`;
}

function serialNumber(prng: Prng, kind: string): string {
  switch (kind) {
    case 'digits12':
      return prng.chars(12, '0123456789');
    case 'dell':
      return prng.chars(7, '0123456789BCDFGHJKLMNPQRSTVWXYZ');
    case 'hp':
      return `5CG${prng.chars(7, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ')}`;
    case 'lenovo':
      return `PF${prng.chars(6, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ')}`;
    default:
      return `${prng.chars(4, '0123456789')}-${prng.chars(4, '0123456789')}-${prng.chars(4, '0123456789')}`;
  }
}

function asciiLocal(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function deviceName(index: number): string {
  return `MMD-${String(index + 1).padStart(5, '0')}`;
}

function buildCatalog(prng: Prng, anchor: number): SeedCatalog {
  const group = (displayName: string, description: string): GroupRecord => ({
    id: prng.uuid(),
    displayName,
    description,
    countMembers: null,
  });
  const ringGroups: Record<string, GroupRecord> = {};
  for (const ring of RINGS) ringGroups[ring] = group(`Modern Workplace Devices-${ring}`, RING_DESCRIPTIONS[ring]!);
  const personaGroups: Record<string, GroupRecord> = {};
  for (const persona of PERSONAS) {
    personaGroups[persona] = group(`Modern Workplace Device Profiles - ${persona}`, PERSONA_DESCRIPTIONS[persona]!);
  }
  const configurations = CONFIGURATIONS.map(([type, name, version]) => {
    const created = anchor - prng.int(120, 900) * DAY;
    return {
      id: prng.uuid(),
      type,
      name,
      version,
      createdUtc: iso(created, prng),
      lastModifiedUtc: iso(created + prng.int(0, 100) * DAY, prng),
    };
  });
  return {
    ringGroups,
    personaGroups,
    allDevicesGroup: group('Modern Workplace Devices - All', 'All Microsoft Managed Desktop devices'),
    configurations,
  };
}

interface Person {
  name: string;
  given: string;
  surname: string;
  upn: string;
  email: string;
}

function buildPeople(prng: Prng, count: number): Person[] {
  const people: Person[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const given = i === 0 ? GIVEN_NAMES[0]! : prng.pick(GIVEN_NAMES);
    const surname = i === 0 ? SURNAMES[0]! : prng.pick(SURNAMES);
    const base = `${asciiLocal(given)}.${asciiLocal(surname)}`;
    let local = base;
    for (let n = 2; used.has(local); n++) local = `${base}${n}`;
    used.add(local);
    const upn = `${local}@${DOMAIN}`;
    // Some users' mail differs from their UPN, as in real tenants.
    const email = i > 0 && prng.chance(0.25) ? `${local}@contoso.com` : upn;
    people.push({ name: `${given} ${surname}`, given, surname, upn, email });
  }
  return people;
}

function buildDevices(prng: Prng, options: SeedOptions, people: Person[]): DeviceRecord[] {
  const { devices: count, tenantId } = options;
  const anchor = options.anchorMs ?? ANCHOR_MS;
  // Every sixth user owns no device: users come with 0..n devices.
  const owners = people.length >= 6 ? people.filter((_, i) => i % 6 !== 5) : people;
  const devices: DeviceRecord[] = [];
  for (let i = 0; i < count; i++) {
    const hw = i === 0 ? MODELS[0] : prng.pick(MODELS);
    const sparse = i > 1 && prng.chance(0.04);
    const nameless = i === NAMELESS_DEVICE_INDEX && count > NAMELESS_DEVICE_INDEX + 1;
    let owner: Person | null = null;
    if (i === 0 && people.length > 0) owner = people[0]!;
    else if (i === 1 && people.length > 1) owner = people[1]!;
    else if (!sparse && !nameless && owners.length > 0 && prng.chance(0.9)) owner = prng.pick(owners);
    const enrolled = anchor - prng.int(10, 1100) * DAY - prng.int(0, DAY);
    const ring = weighted(prng, RINGS, RING_WEIGHTS);
    const persona = weighted(prng, PERSONAS, PERSONA_WEIGHTS);
    const compliance = sparse ? 'Unknown' : weighted(prng, COMPLIANCE, COMPLIANCE_WEIGHTS);
    // One draw as before (the rest of the seed stays as it was), read so that, as in a live
    // tenant, most devices synced within the last day (Intune syncs every ~8 hours) and about
    // one in six is stale by 1 to 30 days.
    const drawn = prng.int(0, 30 * 24);
    const syncAgo = drawn < 600 ? drawn * (DAY / 600) : DAY + (drawn - 600) * ((29 * DAY) / 120);
    const sync = anchor - syncAgo - prng.int(0, HOUR);
    devices.push({
      name: nameless ? '' : deviceName(i),
      intuneId: sparse || nameless ? null : prng.uuid(),
      manufacturer: hw.manufacturer,
      model: hw.model,
      serialNumber: serialNumber(prng, hw.serial),
      globalDeviceId: sparse || nameless ? null : `g:${prng.chars(16, '0123456789')}`,
      enrolledIntoIntuneDateTimeUtc: sparse || nameless ? null : iso(enrolled, prng),
      tenantId,
      tenantName: null,
      assignedUser: owner ? owner.name : null,
      userUpn: owner ? owner.upn : null,
      userEmail: owner ? owner.email : null,
      complianceState: compliance,
      osVersion: sparse ? null : prng.pick(OS_VERSIONS),
      primaryUpdateRing: ring,
      lastIntuneSyncDateTimeUtc: sparse || nameless ? null : iso(sync, prng),
      // Age at the anchor, so it agrees with the enrolment date (the emulator anchors at its start).
      ageInMonths: Math.round(((anchor - enrolled) / (30.4375 * DAY)) * 1e6) / 1e6,
      planType: 'Premium',
      persona,
      aadDeviceId: prng.uuid(),
      managementAgent: sparse ? null : prng.chance(0.95) ? 'Intune' : 'ConfigurationManagerClientMdm',
      operatingSystemEdition: sparse ? null : 'Enterprise',
      profileAssignmentStatus: prng.chance(0.95) ? 'Successful' : 'Pending',
      groups: [],
      configurations: [],
    });
  }
  return devices;
}

/** Groups and configurations of one device, built on demand from its own PRNG stream. */
export function deviceDetail(
  seed: number,
  index: number,
  device: DeviceRecord,
  catalog: SeedCatalog,
  anchor = ANCHOR_MS,
): { groups: GroupRecord[]; configurations: ConfigurationRecord[] } {
  const prng = mulberry32(subSeed(seed, 1, index));
  const groups = [catalog.allDevicesGroup];
  const ringGroup = catalog.ringGroups[device.primaryUpdateRing];
  if (ringGroup) groups.unshift(ringGroup);
  const personaGroup = catalog.personaGroups[device.persona];
  if (personaGroup) groups.splice(1, 0, personaGroup);
  const configurations: ConfigurationRecord[] = [];
  for (const config of catalog.configurations) {
    if (configurations.length > 0 && !prng.chance(0.6)) continue;
    const statuses = DEPLOYMENT_STATUS[config.type as keyof typeof DEPLOYMENT_STATUS];
    const status = weighted(prng, statuses.values, statuses.weights);
    // The service reports never-evaluated items with the zero date, as in the documents.
    const reported = status === 'NotApplicable' ? '0001-01-01T00:00:00Z' : iso(anchor - prng.int(1, 20 * 24) * HOUR, prng);
    configurations.push({ ...config, deploymentStatus: status, lastReportedStatusUtc: reported });
  }
  return { groups, configurations };
}

function buildUsers(prng: Prng, people: Person[], devices: DeviceRecord[]): UserRecord[] {
  const mwUsers = { id: prng.uuid(), displayName: USER_GROUPS[0][0], description: USER_GROUPS[0][1], countMembers: null };
  const others: GroupRecord[] = USER_GROUPS.slice(1).map(([displayName, description]) => ({
    id: prng.uuid(),
    displayName,
    description,
    countMembers: null,
  }));
  // A user's devices are exactly the devices whose userUpn is theirs.
  const owned = new Map<string, DeviceRecord[]>();
  for (const device of devices) {
    if (!device.userUpn) continue;
    const list = owned.get(device.userUpn) ?? [];
    list.push(device);
    owned.set(device.userUpn, list);
  }
  return people.map((person) => ({
    name: person.name,
    upn: person.upn,
    email: person.email,
    groups: [mwUsers, ...others.filter(() => prng.chance(0.3))],
    devices: (owned.get(person.upn) ?? []).map((device) => ({
      serialNumber: device.serialNumber,
      name: device.name,
      model: device.model,
      ring: device.primaryUpdateRing,
      lastIntuneSyncTime: device.lastIntuneSyncDateTimeUtc,
    })),
  }));
}

function ticketId(prng: Prng, number: number): string {
  return `MMD-${number}-${prng.chars(5, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}`;
}

function buildNotes(prng: Prng, created: number, count: number, sender: string, forceHtml: boolean, anchor: number): NoteRecord[] {
  const notes: NoteRecord[] = [];
  let at = created;
  for (let n = 0; n < count; n++) {
    // Not after the anchor (the seed's "now"), still in order: the last note minutes before it.
    at = Math.min(at + prng.int(1, 48) * HOUR, anchor - (count - n) * 7 * MINUTE);
    const text = forceHtml && n === 0 ? NOTE_TEXTS[1]! : prng.pick(NOTE_TEXTS);
    const stamp = iso(at, prng);
    notes.push({
      id: n,
      type: 'post',
      renderType: 'html',
      createdDateTime: stamp,
      modifiedDateTime: stamp,
      text,
      sender: prng.chance(0.5) ? 'Microsoft Support' : sender,
    });
  }
  return notes;
}

function buildTickets(prng: Prng, count: number, people: Person[], anchor: number): TicketRecord[] {
  const tickets: TicketRecord[] = [];
  let number = 1465058;
  let created = anchor - prng.int(1, 5) * HOUR;
  for (let k = 0; k < count; k++) {
    const first = k === 0;
    const last = k === count - 1 && count >= 2;
    const kind = first ? 'Incident' : weighted(prng, ['Incident', 'ChangeRequest', 'RequestForInformation'], [45, 30, 25]);
    const cat = first ? TICKET_CATEGORIES[0]! : prng.pick(TICKET_CATEGORIES);
    const subcategory = first ? 'Configuration/Policy' : prng.pick(cat.subcategories);
    const state = first ? 'active' : weighted(prng, ['new', 'active', 'resolved', 'closed'], [10, 40, 30, 20]);
    const severity = first ? 2 : weighted(prng, [1, 2, 3, 4], [5, 25, 40, 30]);
    const person = people.length > 0 ? (first ? people[0]! : prng.pick(people)) : null;
    const incident = kind === 'Incident';
    const id = first ? EXAMPLE_TICKET_ID : last ? EXAMPLE_QUOTED_TICKET_ID : ticketId(prng, number);
    const resolved = state === 'resolved' || state === 'closed' ? Math.min(created + prng.int(2, 240) * HOUR, anchor - 10 * MINUTE) : null;
    const noteCount = first ? 2 : prng.chance(0.6) ? prng.int(1, 3) : 0;
    const title = first ? 'Devices stuck at Pending for Edge policy' : prng.pick(TICKET_TITLES[kind]!);
    tickets.push({
      title,
      description: `${title}. Reported by ${person ? person.name : 'the service desk'}.`,
      isPartner: prng.chance(0.3),
      // The service lists some change requests with a space, as the documents show.
      type: kind === 'ChangeRequest' && prng.chance(0.5) ? 'Change Request' : kind,
      category: cat.category,
      subcategory,
      compromiseIndicator: null,
      usersOrDevicesImpacted: incident ? prng.int(1, 500) : null,
      relatedAlerts: null,
      businessImpact: incident ? prng.pick(['Users cannot work', 'Degraded productivity', 'Minor inconvenience']) : null,
      issueFirstNoticed: incident ? iso(created - prng.int(1, 72) * HOUR, prng) : null,
      issueReproduced: incident ? prng.chance(0.5) : null,
      endUserSupportEngaged: incident ? prng.chance(0.6) : null,
      troubleshootingSteps: incident ? 'Restarted the device and re-synced with Intune.' : null,
      nextActionOwner: state === 'active' && prng.chance(0.3) ? 'Customer' : 'Microsoft',
      nextActionTime: state === 'active' && prng.chance(0.4) ? iso(created + prng.int(24, 96) * HOUR, prng) : null,
      reproSteps: incident && prng.chance(0.3) ? '1. Sign in. 2. Open the app. 3. Observe the error.' : null,
      id,
      severity,
      state,
      createdDateTime: iso(created, prng),
      resolvedDateTime: resolved === null ? null : iso(resolved, prng),
      contact: {
        id: prng.uuid(),
        givenName: person ? person.given : 'Service',
        surname: person ? person.surname : 'Desk',
        email: person ? person.email : `servicedesk@${DOMAIN}`,
        phoneNumber: `+1 425 555 0${prng.chars(3, '0123456789')}`,
        preferredLanguageId: prng.chance(0.5) ? '' : 'en-US',
      },
      emails: [],
      attachments: [],
      notes: buildNotes(prng, created, noteCount, person ? person.email : 'Sender Id', first, anchor),
    });
    number -= prng.int(1, 400);
    created -= prng.int(2, 30) * HOUR;
  }
  return tickets;
}

function password(prng: Prng): string {
  return prng.chars(20, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-=?@');
}

function buildElevations(
  prng: Prng,
  options: SeedOptions,
  devices: DeviceRecord[],
  tickets: TicketRecord[],
): { elevations: ElevationRecord[]; secrets: Map<string, ElevationSecret> } {
  const elevations: ElevationRecord[] = [];
  const secrets = new Map<string, ElevationSecret>();
  if (devices.length < 2) return { elevations, secrets };
  const count = Math.min(200, Math.max(2, Math.round(devices.length / 3)));
  const open = new Set<number>();
  for (let k = 0; k < count; k++) {
    let index = 1;
    if (k > 0) {
      if (devices.length <= 2) break;
      index = prng.int(2, devices.length - 1);
    }
    if (devices[index]!.name === '') continue;
    const isOpen = k === 0 || (!open.has(index) && prng.chance(0.3));
    if (isOpen) open.add(index);
    const reason = prng.pick(ELEVATION_REASONS);
    const created = (options.anchorMs ?? ANCHOR_MS) - (isOpen ? prng.int(1, 48) : prng.int(49, 24 * 120)) * HOUR - prng.int(0, HOUR);
    const pwdUpdated = iso(created + prng.int(1, 20) * 60_000, prng);
    const id = prng.uuid();
    elevations.push({
      id,
      tenantId: options.tenantId,
      partnerId: options.tenantId,
      requestingAgentUpn: `agent${prng.int(1, 9)}@partner.onmicrosoft.com`,
      partnerTicketId: tickets.length > 0 ? prng.pick(tickets).id : '',
      deviceName: devices[index]!.name,
      title: reason.title,
      category: reason.category,
      subcategory: reason.subcategory,
      planOfAction: reason.plan,
      actionsTaken: isOpen ? '' : prng.pick(CLOSING_ACTIONS),
      closingAgentUpn: isOpen ? '' : `agent${prng.int(1, 9)}@partner.onmicrosoft.com`,
      requestCreationTime: iso(created, prng),
      requestClosureTime: isOpen ? null : iso(created + prng.int(1, 8) * HOUR, prng),
      requestRenewTime: null,
      isSuccessfulRequest: true,
      viewerUpns: [],
      passwordLastUpdatedTime: pwdUpdated,
      isDeleted: false,
      ttl: 7776000,
      eTag: null,
    });
    if (isOpen) secrets.set(id, { password: password(prng), passwordLastUpdated: pwdUpdated, viewedBy: ['System'] });
  }
  // Newest first, like the other seeded collections.
  elevations.sort((a, b) => Date.parse(b.requestCreationTime) - Date.parse(a.requestCreationTime));
  return { elevations, secrets };
}

/** Builds the whole data set of one seed. Pure: same options, same output. */
export function generateSeed(options: SeedOptions): SeedData {
  const prng = mulberry32(options.seed);
  const anchor = options.anchorMs ?? ANCHOR_MS;
  const catalog = buildCatalog(mulberry32(subSeed(options.seed, 2, 0)), anchor);
  const people = buildPeople(mulberry32(subSeed(options.seed, 3, 0)), options.users);
  const devices = buildDevices(prng, options, people);
  const users = buildUsers(mulberry32(subSeed(options.seed, 4, 0)), people, devices);
  const tickets = buildTickets(mulberry32(subSeed(options.seed, 5, 0)), options.tickets, people, anchor);
  const { elevations, secrets } = buildElevations(mulberry32(subSeed(options.seed, 6, 0)), options, devices, tickets);
  return { devices, users, tickets, elevations, secrets, catalog };
}
