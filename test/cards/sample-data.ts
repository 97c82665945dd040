import type { Device, DeviceConfiguration, ElevationRequest, Ticket, TicketNote, User } from '../../src/mmd/types';
import type { Page } from '../../src/http/paging';

/** Fixed "now" for every card test: relative times are deterministic. */
export const NOW = new Date('2026-11-22T14:02:00Z');

/** Text that must never turn into markup, links or template expressions. */
export const EVIL_LINK = '[click](https://evil.example)';
export const INJECTION = '${injection}';
export const LONG = 'Lorem ipsum dolor sit amet '.repeat(200);

// Shapes and values below follow the examples in the MMD API document (devices, users,
// tickets, notes, elevation requests), with names varied so rows differ.

export function device(overrides: Partial<Device> = {}): Device {
  return {
    name: 'MMD-123456789',
    intuneId: 'Intune Id value',
    manufacturer: 'Microsoft Corporation',
    model: 'Virtual Machine',
    serialNumber: 'Serial number value',
    globalDeviceId: 'g:value',
    enrolledIntoIntuneDateTimeUtc: '2021-07-05T09:22:13.729238Z',
    tenantId: 'Tenant Id value',
    tenantName: null,
    assignedUser: 'firstName lastName',
    userUpn: 'username@contoso.onmicrosoft.com',
    userEmail: 'username@contoso.onmicrosoft.com',
    complianceState: 'NonCompliant',
    osVersion: '10.0.19043.1586',
    primaryUpdateRing: 'Test',
    lastIntuneSyncDateTimeUtc: '2026-11-19T14:02:00Z',
    ageInMonths: 9.274547,
    planType: 'Premium',
    persona: 'Standard',
    aadDeviceId: 'aadDeviceId',
    managementAgent: 'Intune',
    operatingSystemEdition: 'Enterprise',
    profileAssignmentStatus: 'Successful',
    groups: [
      {
        id: '46bde30a-9113-4f1e-b169-d9e178f41fa7',
        displayName: 'Modern Workplace Devices-Test',
        description: 'Immediate ring for device rollout',
        countMembers: null,
      },
      {
        id: '58834fcf-e369-463f-9405-e856e8de60f6',
        displayName: 'Modern Workplace Device Profiles - Standard',
        description: 'Devices with a secure experience',
        countMembers: null,
      },
    ],
    configurations: [
      config({ type: 'Policy', name: 'Modern Workplace - Standard Device Profile Configuration', deploymentStatus: 'Compliant' }),
      config({ type: 'Policy', name: 'Modern Workplace - Edge Update Policy [Test]', deploymentStatus: 'Compliant' }),
      config({ type: 'Script', name: 'Modern Workplace - Configure AppV', deploymentStatus: 'Success' }),
      config({
        type: 'App',
        name: 'Modern Workplace - Teams Machine Wide Installer x32',
        deploymentStatus: 'NotApplicable',
        lastReportedStatusUtc: '0001-01-01T00:00:00Z',
      }),
      config({ type: 'App', name: 'Contoso VPN', deploymentStatus: 'Failed' }),
    ],
    ...overrides,
  };
}

export function config(overrides: Partial<DeviceConfiguration> = {}): DeviceConfiguration {
  return {
    id: '57dc3bb4-7b7f-4052-b9af-0a9c31586e9e',
    type: 'Policy',
    name: 'Modern Workplace - Standard Device Profile Configuration',
    version: '1',
    createdUtc: '2021-06-22T01:29:53.4328287Z',
    lastModifiedUtc: '2021-06-22T01:29:53.4328287Z',
    deploymentStatus: 'Compliant',
    lastReportedStatusUtc: '2021-02-09T07:44:52.6201692Z',
    ...overrides,
  };
}

/** A device with every nullable field null and the nastiest strings elsewhere. */
export function nastyDevice(overrides: Partial<Device> = {}): Device {
  const nulls = Object.fromEntries(Object.keys(device()).map((k) => [k, null])) as unknown as Device;
  return {
    ...nulls,
    name: `${INJECTION} ${EVIL_LINK}`,
    model: `<script>alert(1)</script> ${EVIL_LINK}`,
    assignedUser: LONG,
    complianceState: 'Quantum',
    enrolledIntoIntuneDateTimeUtc: '0001-01-01T00:00:00Z',
    lastIntuneSyncDateTimeUtc: 'not a date',
    groups: [{ id: null, displayName: null, description: EVIL_LINK, countMembers: null }],
    configurations: Array.from({ length: 40 }, (_, i) =>
      config({
        name: `${EVIL_LINK} ${LONG}`.slice(0, 300) + i,
        type: null,
        deploymentStatus: i % 2 ? null : 'Weird',
        lastReportedStatusUtc: '0001-01-01T00:00:00Z',
      }),
    ),
    ...overrides,
  };
}

export function page<T>(items: T[], skip = 0, top = 10, hasMore = items.length === top): Page<T> {
  return { items, skip, top, hasMore, nextLink: null };
}

export function devices(n: number, start = 0): Device[] {
  const states = ['Compliant', 'NonCompliant', 'Unknown', 'InGracePeriod'];
  return Array.from({ length: n }, (_, i) =>
    device({
      name: `MMD-${String(start + i).padStart(9, '0')}`,
      model: 'Surface Laptop 4',
      assignedUser: `Adele Vance ${start + i}`,
      complianceState: states[i % states.length]!,
      primaryUpdateRing: ['Test', 'First', 'Fast', 'Broad'][i % 4]!,
    }),
  );
}

export function user(overrides: Partial<User> = {}): User {
  return {
    name: 'firstName lastName',
    upn: 'username@contoso.onmicrosoft.com',
    email: 'username@contoso.onmicrosoft.com',
    groups: [
      {
        id: '6f9d7a3d-2a1f-4f2a-9c0e-3f2f9d1d9b10',
        displayName: 'Modern Workplace Users',
        description: 'All managed users',
        countMembers: 120,
      },
    ],
    devices: [
      {
        serialNumber: 'Serial number value',
        name: 'MMD-123456789',
        model: 'Virtual Machine',
        ring: 'Test',
        lastIntuneSyncTime: '2026-11-21T10:00:00Z',
      },
      {
        serialNumber: 'Serial 2',
        name: 'MMD-987654321',
        model: 'Surface Pro 8',
        ring: 'Broad',
        lastIntuneSyncTime: '0001-01-01T00:00:00Z',
      },
    ],
    ...overrides,
  };
}

export function users(n: number, start = 0): User[] {
  return Array.from({ length: n }, (_, i) =>
    user({ name: `Adele Vance ${start + i}`, upn: `adele${start + i}@contoso.com`, email: `adele${start + i}@contoso.com` }),
  );
}

export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    title: 'Title',
    description: 'Description',
    isPartner: true,
    type: 'Incident',
    category: 'Devices',
    subcategory: 'Configuration/Policy',
    compromiseIndicator: null,
    usersOrDevicesImpacted: 100,
    relatedAlerts: null,
    businessImpact: 'Business Impact',
    issueFirstNoticed: '2021-10-06T07:00:00Z',
    issueReproduced: true,
    endUserSupportEngaged: true,
    troubleshootingSteps: 'Describe any troubleshooting steps performed.',
    nextActionOwner: 'Microsoft',
    nextActionTime: null,
    reproSteps: null,
    id: 'MMD-1465058-R5V8P',
    severity: 4,
    state: 'active',
    createdDateTime: '2026-11-19T14:02:00Z',
    resolvedDateTime: null,
    contact: {
      id: 'Unique Id',
      givenName: 'John',
      surname: 'Doe',
      email: 'jd@contoso.com',
      phoneNumber: 'phone number',
      preferredLanguageId: '',
    },
    notes: [],
    ...overrides,
  };
}

export function tickets(n: number, start = 0): Ticket[] {
  const types = ['Incident', 'Change Request', 'RequestForInformation', 'ChangeRequest'];
  return Array.from({ length: n }, (_, i) =>
    ticket({
      id: `MMD-${1465058 + start + i}-R5V8P`,
      title: `Printer queue stuck on floor ${start + i}`,
      type: types[i % types.length]!,
      severity: (i % 4) + 1,
      state: i % 3 ? 'active' : 'resolved',
    }),
  );
}

export function note(overrides: Partial<TicketNote> = {}): TicketNote {
  return {
    id: 0,
    type: 'post',
    renderType: 'html',
    createdDateTime: '2021-12-14T04:28:18Z',
    modifiedDateTime: '2021-12-14T04:28:18Z',
    text: 'This is the test note to add',
    sender: 'Sender Id',
    ...overrides,
  };
}

export function elevation(overrides: Partial<ElevationRequest> = {}): ElevationRequest {
  return {
    id: '0f8fad5b-d9cb-469f-a165-70867728950e',
    tenantId: 'Tenant Id',
    partnerId: 'Tenant Id',
    requestingAgentUpn: 'agent@contoso.com',
    partnerTicketId: 'MMD-1465058-R5V8P',
    deviceName: 'MMD-123456789',
    title: 'Elevation request title',
    category: 'Office',
    subcategory: 'Excel',
    planOfAction: 'Plan of action using elevation.',
    actionsTaken: '',
    closingAgentUpn: '',
    requestCreationTime: '2026-11-21T14:06:25.0338102Z',
    requestClosureTime: null,
    requestRenewTime: null,
    isSuccessfulRequest: true,
    viewerUpns: [],
    passwordLastUpdatedTime: '2021-03-16T15:10:36.2066667Z',
    isDeleted: false,
    ...overrides,
  };
}

export function elevations(n: number, start = 0): ElevationRequest[] {
  return Array.from({ length: n }, (_, i) =>
    elevation({
      id: `0f8fad5b-d9cb-469f-a165-${String(start + i).padStart(12, '0')}`,
      deviceName: `MMD-${String(start + i).padStart(9, '0')}`,
      title: `Install line-of-business app ${start + i}`,
      requestClosureTime: i % 2 ? '2026-11-22T10:00:00Z' : null,
      actionsTaken: i % 2 ? 'Installed the app.' : '',
    }),
  );
}
