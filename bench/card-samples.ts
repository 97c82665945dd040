import type { Device, Ticket, TicketNote } from '../src/mmd/types';

/** Card inputs for the render figures: shapes as the API documents them, sizes as the issue asks. */
export const NOW = new Date('2026-11-22T14:02:00Z');

export function sampleDevice(): Device {
  const config = (name: string, type: string, deploymentStatus: string) => ({
    id: '57dc3bb4-7b7f-4052-b9af-0a9c31586e9e',
    type,
    name,
    version: '1',
    createdUtc: '2021-06-22T01:29:53.4328287Z',
    lastModifiedUtc: '2021-06-22T01:29:53.4328287Z',
    deploymentStatus,
    lastReportedStatusUtc: '2021-02-09T07:44:52.6201692Z',
  });
  return {
    name: 'MMD-123456789',
    intuneId: 'Intune Id value',
    manufacturer: 'Microsoft Corporation',
    model: 'Surface Laptop 4',
    serialNumber: 'Serial number value',
    globalDeviceId: 'g:value',
    enrolledIntoIntuneDateTimeUtc: '2021-07-05T09:22:13.729238Z',
    tenantId: 'Tenant Id value',
    tenantName: null,
    assignedUser: 'Adele Vance',
    userUpn: 'adele.vance@contoso.onmicrosoft.com',
    userEmail: 'adele.vance@contoso.onmicrosoft.com',
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
        description: 'Immediate ring',
        countMembers: null,
      },
      {
        id: '58834fcf-e369-463f-9405-e856e8de60f6',
        displayName: 'Modern Workplace Device Profiles - Standard',
        description: 'Secure',
        countMembers: null,
      },
    ],
    configurations: [
      config('Modern Workplace - Standard Device Profile Configuration', 'Policy', 'Compliant'),
      config('Modern Workplace - Edge Update Policy [Test]', 'Policy', 'Compliant'),
      config('Modern Workplace - Configure AppV', 'Script', 'Success'),
      config('Modern Workplace - Teams Machine Wide Installer x32', 'App', 'NotApplicable'),
      config('Contoso VPN', 'App', 'Failed'),
    ],
  };
}

export function sampleNotes(n: number): TicketNote[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i,
    type: 'post',
    renderType: 'html',
    createdDateTime: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString(),
    modifiedDateTime: null,
    text: `<div><p>Checked the <b>device</b> logs (step ${i}).</p><ul><li>Restarted the <a href="https://contoso.example/kb">spooler</a></li><li>Re-ran the policy sync</li></ul><p>Next update tomorrow.</p></div>`,
    sender: `Engineer ${i}`,
  }));
}

export function sampleTicket(i = 0, notes: TicketNote[] = []): Ticket {
  return {
    id: `MMD-${1465058 + i}-R5V8P`,
    title: `Printers fail on finance devices (${i})`,
    description: 'Since the last update, printing from Word fails on the finance ring.',
    isPartner: false,
    type: 'Incident',
    category: 'Devices',
    subcategory: 'Configuration/Policy',
    compromiseIndicator: null,
    usersOrDevicesImpacted: 100,
    relatedAlerts: null,
    businessImpact: 'Finance cannot print',
    issueFirstNoticed: '2026-11-18T07:00:00Z',
    issueReproduced: true,
    endUserSupportEngaged: true,
    troubleshootingSteps: 'Restarted the spooler',
    nextActionOwner: 'Microsoft',
    nextActionTime: '2026-11-23T09:00:00Z',
    reproSteps: 'Print from Word',
    severity: (i % 4) + 1,
    state: i % 3 ? 'active' : 'resolved',
    createdDateTime: '2026-11-18T07:12:00Z',
    resolvedDateTime: null,
    contact: {
      id: null,
      preferredLanguageId: null,
      givenName: 'Adele',
      surname: 'Vance',
      email: 'adele.vance@contoso.com',
      phoneNumber: '+1 425 555 0100',
    },
    notes,
  };
}
