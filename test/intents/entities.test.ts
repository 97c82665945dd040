import {
  extractEntities,
  isDeviceName,
  isStrongDeviceName,
  isTicketId,
  isUpn,
  scanTicketFilters,
  severityOf,
  stateOf,
  toTicketId,
} from '../../src/intents/entities';
import { tokenize } from '../../src/intents/tokens';

describe('ticket ids', () => {
  it.each(['MMD-1465058-R5V8P', 'mmd-1465058-r5v8p', 'MMD-12345-ABCD', 'ABC-123456789012-ABCDEFGHIJ'])('%s is a ticket id', (id) => {
    expect(isTicketId(id)).toBe(true);
    expect(toTicketId(id)).toBe(id.toUpperCase());
  });
  it.each(['MMD-1234', 'MMD-1234-ABCD', 'MMD-1465058', 'MMD-1465058-R5V', 'M-1465058-R5V8P', 'MMD-1465058-R5V8P-X', ' MMD-1465058-R5V8P'])(
    '%s is not',
    (id) => {
      expect(isTicketId(id)).toBe(false);
      expect(toTicketId(id)).toBeUndefined();
    },
  );
});

describe('device names', () => {
  it.each(['MMD-1234', 'MMD-03690457680', 'MMD-123456789012345', 'DESKTOP-AB12CD', 'LAPTOP-XYZ', 'CPC-adele-AB12C'])(
    '%s is a strong device name',
    (name) => {
      expect(isDeviceName(name)).toBe(true);
      expect(isStrongDeviceName(name)).toBe(true);
    },
  );
  it.each(['pc01', 'win10', 'wi-fi', 'X1'])('%s may be a device name, but weakly', (name) => {
    expect(isDeviceName(name)).toBe(true);
    expect(isStrongDeviceName(name)).toBe(false);
  });
  it.each(['MMD-1465058-R5V8P', 'printer', '1234', '2024-01-01', '-pc01', 'pc01-', 'ABCDEFGHIJ-123456', 's2', 'P1', 'sev-2', 'a_b1', ''])(
    '%j is not a device name',
    (name) => {
      expect(isDeviceName(name)).toBe(false);
    },
  );
});

describe('UPNs', () => {
  it.each(['jdoe@contoso.com', 'Adele.Vance@contoso.onmicrosoft.com', "o'brien+it@sub.contoso.co.uk"])('%s is a UPN', (upn) => {
    expect(isUpn(upn)).toBe(true);
  });
  it.each(['jdoe', 'jdoe@', '@contoso.com', 'jdoe@contoso', 'jdoe@contoso.c', 'j doe@contoso.com', `${'a'.repeat(65)}@contoso.com`])(
    '%s is not',
    (upn) => {
      expect(isUpn(upn)).toBe(false);
    },
  );
});

describe('severities and states', () => {
  it.each([
    ['critical', 1],
    ['HIGH', 2],
    ['moderate', 3],
    ['medium', 3],
    ['low', 4],
    ['s1', 1],
    ['p2', 2],
    ['sev3', 3],
    ['sev-4', 4],
    ['priority1', 1],
    ['5', undefined],
    ['2', undefined],
    ['s5', undefined],
    ['highest', undefined],
  ] as const)('severityOf(%s) = %s', (word, severity) => {
    expect(severityOf(word)).toBe(severity);
  });

  it.each([
    ['new', 'new'],
    ['Active', 'active'],
    ['open', 'active'],
    ['resolved', 'resolved'],
    ['closed', 'closed'],
    ['pending', undefined],
  ] as const)('stateOf(%s) = %s', (word, state) => {
    expect(stateOf(word)).toBe(state);
  });

  it('reads digits only after a severity word, and says which words it used', () => {
    const scan = scanTicketFilters(tokenize('top 3 tickets severity 2 or 4 open closed high'));
    expect(scan.severities).toEqual([2, 4]);
    expect(scan.states).toEqual(['active', 'closed']);
    expect(scan.used).toEqual([false, false, false, true, true, true, true, true, true, true]);
  });

  it('reads ranges after a severity word', () => {
    expect(scanTicketFilters(tokenize('priority 3-1')).severities).toEqual([1, 2, 3]);
  });
});

describe('extractEntities', () => {
  it('finds every kind of entity anywhere, ticket ids winning over device names', () => {
    expect(
      extractEntities(
        '<at>Bot</at> compare MMD-1234 and mmd-1465058-r5v8p for JDoe@Contoso.com (DESKTOP-AB12CD), sev 2 open; MMD-1234 again',
      ),
    ).toEqual({
      ticketIds: ['MMD-1465058-R5V8P'],
      upns: ['jdoe@contoso.com'],
      deviceNames: ['MMD-1234', 'DESKTOP-AB12CD'],
      states: ['active'],
      severities: [2],
    });
  });

  it('finds nothing in plain words', () => {
    expect(extractEntities('nothing to see here')).toEqual({ ticketIds: [], upns: [], deviceNames: [], states: [], severities: [] });
  });
});
