/**
 * The categories and subcategories of MMD tickets and elevation requests: the one list the bot's
 * forms and checks (src/protocol/*-catalog.ts) and the emulator's sample data (src/emulator/seed.ts)
 * are built from, so the form can choose everything a ticket may carry, and nothing else. It sits
 * at the bottom layer because the emulator may import only the bottom layer (eslint.config.mjs).
 *
 * Category -> its subcategories, spelled as the service sends them (stray spaces kept: the
 * documents show " Deployment groups assignment" and "Other "); forms show them trimmed.
 */
export type Catalog = Readonly<Record<string, readonly string[]>>;

/**
 * Ticket categories. Devices and Apps with their subcategories are the documents' (001, 000);
 * the rest is what a typical MMD tenant's tickets carry (the sandbox's sample tickets draw from
 * this list). "Other " closes every category, so nobody is stuck.
 */
export const TICKET_CATALOG: Catalog = {
  Devices: ['Hardware', 'Configuration/Policy', ' Deployment groups assignment', 'Other '],
  Apps: ['Microsoft 365 Apps', 'Teams', 'Line of business app', 'Other '],
  Identity: ['Sign-in', 'Multi-factor authentication', 'Other '],
  Security: ['BitLocker', 'Defender', 'Other '],
  Networking: ['VPN', 'Wi-Fi', 'Other '],
};

/**
 * Elevation request categories. The API takes free text; the documents' examples use Office
 * (Excel, Word) and Hardware (Device); the others are the reasons the sandbox's sample requests
 * give. "Other" covers the rest.
 */
export const ELEVATION_CATALOG: Catalog = {
  Office: ['Excel', 'Word', 'Other'],
  Hardware: ['Device', 'Other'],
  Apps: ['Install', 'Other'],
  Networking: ['VPN', 'Other'],
  Security: ['BitLocker', 'Other'],
  Other: ['Other'],
};
