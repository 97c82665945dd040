import { normalizeTicketType, severityName, ticketTypeLabel } from '../../src/mmd/enums';

describe('ticket type', () => {
  it('normalises the spellings the service drifts between', () => {
    expect(normalizeTicketType('Change Request')).toBe('ChangeRequest');
    expect(normalizeTicketType('ChangeRequest')).toBe('ChangeRequest');
    expect(normalizeTicketType(' change  request ')).toBe('ChangeRequest');
    expect(normalizeTicketType('Request For Information')).toBe('RequestForInformation');
    expect(normalizeTicketType('INCIDENT')).toBe('Incident');
  });

  it('keeps unknown values as given, prototype names included', () => {
    expect(normalizeTicketType('Problem ')).toBe('Problem ');
    expect(normalizeTicketType('constructor')).toBe('constructor');
    expect(ticketTypeLabel('toString')).toBe('toString');
  });

  it('labels for people', () => {
    expect(ticketTypeLabel('RequestForInformation')).toBe('Request for information');
    expect(ticketTypeLabel('Change Request')).toBe('Change request');
    expect(ticketTypeLabel('Incident')).toBe('Incident');
    expect(ticketTypeLabel(' Other ')).toBe('Other');
    expect(ticketTypeLabel(null)).toBe('');
  });
});

describe('severityName', () => {
  it('names 1..4 and marks the rest unknown', () => {
    expect([1, 2, 3, 4].map(severityName)).toEqual(['Critical', 'High', 'Moderate', 'Low']);
    expect(severityName(7)).toBe('Unknown (7)');
    expect(severityName(null)).toBe('Unknown');
  });
});
