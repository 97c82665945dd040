import { TICKET_CATALOG } from '../catalog/categories';

/** Fixed vocabularies the seed draws from, modelled on the documents and a typical MMD tenant. */

export const MODELS = [
  { manufacturer: 'Microsoft Corporation', model: 'Surface Laptop 5', serial: 'digits12' },
  { manufacturer: 'Microsoft Corporation', model: 'Surface Pro 9', serial: 'digits12' },
  { manufacturer: 'Dell Inc.', model: 'Latitude 7440', serial: 'dell' },
  { manufacturer: 'HP', model: 'HP EliteBook 840 G10', serial: 'hp' },
  { manufacturer: 'LENOVO', model: 'ThinkPad X1 Carbon Gen 11', serial: 'lenovo' },
  { manufacturer: 'Microsoft Corporation', model: 'Virtual Machine', serial: 'vm' },
] as const;

export const RINGS = ['Test', 'First', 'Fast', 'Broad'] as const;
export const RING_WEIGHTS = [5, 15, 30, 50];
export const PERSONAS = ['Standard', 'SensitiveData', 'PowerUser', 'Kiosk', 'Starter'] as const;
export const PERSONA_WEIGHTS = [55, 15, 15, 5, 10];
export const COMPLIANCE = ['Compliant', 'NonCompliant', 'Unknown'] as const;
export const COMPLIANCE_WEIGHTS = [75, 18, 7];
export const OS_VERSIONS = ['10.0.19045.3803', '10.0.22621.2861', '10.0.22631.2861', '10.0.22631.3007', '10.0.19045.3930'];

export const RING_DESCRIPTIONS: Record<string, string> = {
  Test: 'Immediate ring for device rollout',
  First: 'First ring for early adopters',
  Fast: 'Fast ring for broad validation',
  Broad: 'Broad ring for the rest of the organisation',
};

export const PERSONA_DESCRIPTIONS: Record<string, string> = {
  Standard: 'Devices with a secure experience',
  SensitiveData: 'Devices for users handling sensitive data',
  PowerUser: 'Devices for developers and power users',
  Kiosk: 'Single-purpose shared devices',
  Starter: 'Devices with a starter experience',
};

/** Configurations a device may carry: [type, name, version]. */
export const CONFIGURATIONS: readonly (readonly [string, string, string])[] = [
  ['Policy', 'Modern Workplace - Standard Device Profile Configuration', '1'],
  ['Policy', 'Modern Workplace - Edge Update Policy', '2'],
  ['Policy', 'Modern Workplace - BitLocker Encryption', '3'],
  ['Policy', 'Modern Workplace - Windows Update for Business', '7'],
  ['Policy', 'Modern Workplace - Defender Antivirus', '4'],
  ['Script', 'Modern Workplace - Configure AppV', '0'],
  ['Script', 'Modern Workplace - Set Time Zone', '1'],
  ['App', 'Modern Workplace - Teams Machine Wide Installer x32', ''],
  ['App', 'Microsoft 365 Apps for enterprise', ''],
  ['App', 'Company Portal', ''],
  ['App', 'Microsoft Edge', ''],
];

export const DEPLOYMENT_STATUS = {
  Policy: { values: ['Compliant', 'Error', 'NotApplicable', 'Pending'], weights: [80, 6, 8, 6] },
  Script: { values: ['Success', 'Failed', 'Pending'], weights: [82, 12, 6] },
  App: { values: ['Success', 'Failed', 'NotApplicable', 'Pending'], weights: [78, 8, 8, 6] },
} as const;

export const USER_GROUPS = [
  ['Modern Workplace Users', 'All users with a Microsoft Managed Desktop device'],
  ['Modern Workplace - Sensitive data users', 'Users who handle sensitive data'],
  ['Modern Workplace - Power users', 'Developers and power users'],
  ['Finance', 'Finance department'],
  ['Sales', 'Sales department'],
] as const;

/** The first pair is the stable example user. */
export const GIVEN_NAMES = [
  'Adele',
  'Alex',
  'Diego',
  'Grady',
  'Henrietta',
  'Isaiah',
  'Johanna',
  'Joni',
  'Lee',
  'Lidia',
  'Lynne',
  'Megan',
  'Miriam',
  'Nestor',
  'Patti',
  'Pradeep',
  'Allan',
  'Christie',
  'Debra',
  'Emily',
  'Enrico',
  'Irvin',
  'Jordan',
  'Raul',
  'Sofia',
  'Zrinka',
  'Aoife',
  'Siobhán',
  'José',
  'Chloé',
];
export const SURNAMES = [
  'Vance',
  'Wilber',
  'Siciliani',
  'Archie',
  'Mueller',
  'Langer',
  'Lorenz',
  'Sherman',
  'Gu',
  'Holloway',
  'Robbins',
  'Bowen',
  'Graham',
  'Wilke',
  'Fernandez',
  'Gupta',
  'Deyoung',
  'Cline',
  'Berger',
  'Braun',
  'Cattaneo',
  'Sayers',
  'Miller',
  'Razo',
  "O'Brien",
  'Makovac',
  'Ní Bhriain',
  'García',
  'Dubois',
  'Nakamura',
];

/** Ticket categories, from the one catalogue the bot's form offers (src/catalog/categories.ts). */
export const TICKET_CATEGORIES: readonly { category: string; subcategories: readonly string[] }[] = Object.entries(TICKET_CATALOG).map(
  ([category, subcategories]) => ({ category, subcategories }),
);

export const TICKET_TITLES: Record<string, string[]> = {
  Incident: [
    'Teams crashes on launch after update',
    'Devices stuck at Pending for Edge policy',
    'BitLocker recovery prompt on every boot',
    'VPN disconnects every 10 minutes',
    'Test ticket: Outlook search returns nothing',
    'Users cannot sign in after password change',
    'Printer driver install fails on Surface Pro 9',
  ],
  ChangeRequest: [
    'Move finance devices to the First ring',
    'Add Power BI Desktop to the app catalogue',
    'Test ticket: change time zone script',
    'Enable Windows Hello for Business for kiosks',
    'Deploy new Wi-Fi profile for the Berlin office',
  ],
  RequestForInformation: [
    'When does the next feature update reach Broad?',
    'How do we request an elevation for a device?',
    'Test ticket: licence question',
    'Which models are supported for the next refresh?',
  ],
};

export const NOTE_TEXTS = [
  'Thanks, we are looking into this.',
  '<p>Rebooted <b>twice</b>, the issue persists.</p>',
  'Logs attached in the portal. Affected users: 12.',
  '<p>Steps tried:</p><ul><li>Cleared cache</li><li>Re-synced with Intune</li></ul>',
  'Can you confirm whether the device is on the corporate network?',
  'Issue resolved after the policy was re-assigned &amp; the device synced.',
  '<p>Please see <a href="https://contoso.example/kb/123">KB 123</a>.</p>',
];

/**
 * Why sample elevations were asked for. Each pair is one of the catalogue's (src/catalog/categories.ts,
 * ELEVATION_CATALOG); test/emulator/seed-catalogue.test.ts checks it.
 */
export const ELEVATION_REASONS = [
  {
    category: 'Office',
    subcategory: 'Excel',
    title: 'Repair Excel add-in registration',
    plan: 'Re-register the add-in with elevated rights.',
  },
  { category: 'Office', subcategory: 'Word', title: 'Reinstall Word templates', plan: 'Copy templates into Program Files.' },
  { category: 'Hardware', subcategory: 'Device', title: 'Update docking station firmware', plan: 'Run the vendor firmware updater.' },
  { category: 'Apps', subcategory: 'Install', title: 'Install legacy line-of-business app', plan: 'Run the installer as administrator.' },
  { category: 'Networking', subcategory: 'VPN', title: 'Reset VPN client', plan: 'Reinstall the VPN client and reset the adapter.' },
  {
    category: 'Security',
    subcategory: 'BitLocker',
    title: 'Suspend BitLocker for BIOS update',
    plan: 'Suspend BitLocker, update BIOS, resume.',
  },
];

export const CLOSING_ACTIONS = [
  'Add-in re-registered; user confirmed Excel works.',
  'Firmware updated, device rebooted.',
  'Installer completed; elevation no longer needed.',
  'Could not reproduce; closing.',
];
