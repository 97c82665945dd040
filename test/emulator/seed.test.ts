import {
  EXAMPLE_DEVICE,
  EXAMPLE_ELEVATED_DEVICE,
  EXAMPLE_QUOTED_TICKET_ID,
  EXAMPLE_TICKET_ID,
  EXAMPLE_USER_UPN,
  generateSeed,
  type SeedOptions,
} from '../../src/emulator/seed';
import { EmulatorStore } from '../../src/emulator/store';

const options = (overrides: Partial<SeedOptions> = {}): SeedOptions => ({
  seed: 1,
  devices: 60,
  users: 25,
  tickets: 40,
  tenantId: '00000000-0000-0000-0000-0000000000a1',
  ...overrides,
});

describe('generateSeed', () => {
  it('gives the same data for the same seed', () => {
    const a = generateSeed(options({ seed: 42 }));
    const b = generateSeed(options({ seed: 42 }));
    expect(JSON.stringify(a.devices)).toBe(JSON.stringify(b.devices));
    expect(JSON.stringify(a.users)).toBe(JSON.stringify(b.users));
    expect(JSON.stringify(a.tickets)).toBe(JSON.stringify(b.tickets));
    expect(JSON.stringify(a.elevations)).toBe(JSON.stringify(b.elevations));
    expect([...a.secrets.values()]).toEqual([...b.secrets.values()]);
  });

  it('gives different data for another seed, but the same stable examples', () => {
    const seeds = [1, 2, 99, 123456789].map((seed) => generateSeed(options({ seed })));
    expect(new Set(seeds.map((s) => s.devices[1]!.serialNumber)).size).toBe(4);
    for (const data of seeds) {
      expect(data.devices[0]!.name).toBe(EXAMPLE_DEVICE);
      expect(data.devices[0]!.userUpn).toBe(EXAMPLE_USER_UPN);
      expect(data.users[0]!.upn).toBe(EXAMPLE_USER_UPN);
      expect(data.tickets[0]!.id).toBe(EXAMPLE_TICKET_ID);
      expect(data.tickets.at(-1)!.id).toBe(EXAMPLE_QUOTED_TICKET_ID);
      const open = data.elevations.filter((e) => e.requestClosureTime === null);
      expect(open.filter((e) => e.deviceName === EXAMPLE_ELEVATED_DEVICE)).toHaveLength(1);
      expect(open.some((e) => e.deviceName === EXAMPLE_DEVICE)).toBe(false);
      // Every open request has its password, every closed one none.
      for (const e of data.elevations) expect(data.secrets.has(e.id)).toBe(e.requestClosureTime === null);
    }
  });

  it('keeps ids unique and the vocabulary realistic', () => {
    const data = generateSeed(options({ devices: 500, users: 80, tickets: 300 }));
    const names = data.devices.map((d) => d.name).filter(Boolean);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => /^MMD-\d{5}$/.test(n))).toBe(true);
    expect(new Set(data.users.map((u) => u.upn)).size).toBe(80);
    expect(new Set(data.tickets.map((t) => t.id)).size).toBe(300);
    expect(new Set(data.devices.map((d) => d.primaryUpdateRing))).toEqual(new Set(['Test', 'First', 'Fast', 'Broad']));
    expect(new Set(data.devices.map((d) => d.persona))).toEqual(new Set(['Standard', 'SensitiveData', 'PowerUser', 'Kiosk', 'Starter']));
    expect(new Set(data.devices.map((d) => d.complianceState))).toEqual(new Set(['Compliant', 'NonCompliant', 'Unknown']));
    expect(new Set(data.devices.map((d) => d.model))).toEqual(
      new Set([
        'Surface Laptop 5',
        'Surface Pro 9',
        'Latitude 7440',
        'HP EliteBook 840 G10',
        'ThinkPad X1 Carbon Gen 11',
        'Virtual Machine',
      ]),
    );
    // No device over the open-elevation limit from the start.
    const open = new Map<string, number>();
    for (const e of data.elevations) if (e.requestClosureTime === null) open.set(e.deviceName, (open.get(e.deviceName) ?? 0) + 1);
    expect(Math.max(...open.values())).toBeLessThanOrEqual(1);
  });

  it('does not use Math.random', () => {
    const spy = jest.spyOn(Math, 'random');
    generateSeed(options());
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('copes with tiny sizes', () => {
    for (const sizes of [
      { devices: 0, users: 0, tickets: 0 },
      { devices: 1, users: 1, tickets: 1 },
      { devices: 2, users: 0, tickets: 0 },
    ]) {
      const data = generateSeed(options(sizes));
      expect(data.devices).toHaveLength(sizes.devices);
      expect(data.tickets).toHaveLength(sizes.tickets);
    }
  });
});

describe('EmulatorStore at scale', () => {
  it('builds 10,000 devices and searches them', () => {
    const store = new EmulatorStore(options({ devices: 10_000 }));
    expect(store.listDevices(null)).toHaveLength(10_000);
    expect(store.listDevices('MMD-09999').map((d) => d.name)).toEqual(['MMD-09999']);
    expect(store.listDevices(EXAMPLE_USER_UPN).length).toBeGreaterThan(100);
    const detail = store.getDevice('MMD-10000');
    expect(detail?.configurations.length).toBeGreaterThan(0);
    expect(store.getDevice('MMD-10000')).toEqual(detail);
    const users = store.listUsers(null);
    const owned = users.reduce((sum, u) => sum + u.devices.length, 0);
    expect(owned).toBe(store.listDevices(null).filter((d) => d.userUpn !== null).length);
  });
});
