import { resourceOf } from '../../src/http/layers/telemetry-layer';

describe('resourceOf (the name of an MMD or Graph call in telemetry)', () => {
  it.each([
    ['tenants/tenant-0001/devices', 'devices'],
    ["tenants/tenant-0001/devices('MMD-0042')", 'devices'],
    ["tickets('100023')/addNote", 'tickets/addNote'],
    ['tickets', 'tickets'],
    ['security/incidents', 'security/incidents'],
    ['deviceManagement/troubleshootingEvents?$top=5', 'deviceManagement/troubleshootingEvents'],
    ['tenants/tenant-0001/elevationRequests/ER-77', 'elevationRequests'],
    ["tenants/tenant-0001/users('adele.vance@contoso.com')", 'users'],
    ['', 'root'],
  ])('%s -> %s, never an id or a name', (path, resource) => {
    expect(resourceOf(path)).toBe(resource);
  });
});
