import { EmulatorError } from '../../src/emulator/errors';
import { normalizePath, parseTicketKey, rewriteTicketKey } from '../../src/emulator/paths';

describe('normalizePath', () => {
  it.each([
    ['/support/odata/v1//tickets', '/support/odata/v1/tickets'],
    ['/support/odata/v1%20/tenants/t/elevationRequests', '/support/odata/v1/tenants/t/elevationRequests'],
    ['/support/odata/%20/v1/tenants/t/devices', '/support/odata/v1/tenants/t/devices'],
    ['/support/odata/v1/%20tenants/t/devices', '/support/odata/v1/tenants/t/devices'],
    ["/x//y?$filter=a eq '//'", "/x/y?$filter=a eq '//'"],
  ])('%s -> %s', (input, output) => {
    expect(normalizePath(input)).toBe(output);
  });
});

describe('parseTicketKey', () => {
  it.each([
    ["'MMD-1'", 'MMD-1'],
    ["'O''Brien'", "O'Brien"],
    ["''''", "'"],
    ["'{MMD-1465058-R5V8P}'", 'MMD-1465058-R5V8P'],
    ['MMD-1', 'MMD-1'],
    ["'a)b'", 'a)b'],
  ])('%s -> %s', (input, output) => {
    expect(parseTicketKey(input)).toBe(output);
  });

  it.each(["'", "'abc", "'a'b'", "''", ''])('refuses %p with a 400', (input) => {
    expect(() => parseTicketKey(input)).toThrow(EmulatorError);
  });
});

describe('rewriteTicketKey', () => {
  it('rewrites raw and encoded keys to a path segment', () => {
    expect(rewriteTicketKey("/support/odata/v1/tickets('MMD-1')/notes")).toBe('/support/odata/v1/tickets/MMD-1/notes');
    expect(rewriteTicketKey('/support/odata/v1/tickets(%27O%27%27B%2FX%27)?a=1')).toBe("/support/odata/v1/tickets/O'B%2FX?a=1");
    expect(rewriteTicketKey('/support/odata/v1/tickets%28%27A%27%29/addNote')).toBe('/support/odata/v1/tickets/A/addNote');
  });

  it('leaves other paths alone', () => {
    expect(rewriteTicketKey('/support/odata/v1/tickets?$top=1')).toBe('/support/odata/v1/tickets?$top=1');
    expect(rewriteTicketKey('/support/odata/v1/tenants/t/devices')).toBe('/support/odata/v1/tenants/t/devices');
  });

  it('refuses bad percent-encoding and an unclosed key', () => {
    expect(() => rewriteTicketKey("/support/odata/v1/tickets('%E0%A4%A')")).toThrow(EmulatorError);
    expect(() => rewriteTicketKey("/support/odata/v1/tickets('A'")).toThrow(EmulatorError);
  });
});
