import { checkNewTicket, toInstant } from '../../src/protocol/ticket-rules';

const NOW = new Date('2026-11-22T14:02:00Z');
const BASE = {
  type: 'RequestForInformation',
  category: 'Devices',
  subcategory: 'Hardware',
  title: 'Title',
  description: 'Description of ticket',
  severity: '4',
  givenName: 'John',
  surname: 'Doe',
  email: 'jd@contoso.com',
  phone: '+1 888',
};

describe('checkNewTicket', () => {
  it('builds the documented body of example 1 (request for information)', () => {
    expect(checkNewTicket(BASE, NOW)).toEqual({
      ok: true,
      ticket: {
        title: 'Title',
        description: 'Description of ticket',
        type: 'RequestForInformation',
        category: 'Devices',
        subcategory: 'Hardware',
        severity: 4,
        contact: { givenName: 'John', surname: 'Doe', email: 'jd@contoso.com', phoneNumber: '+1 888' },
      },
    });
  });

  it('sends the documented subcategory values, stray spaces included', () => {
    const change = checkNewTicket({ ...BASE, type: 'ChangeRequest', subcategory: 'Deployment groups assignment' }, NOW);
    expect(change.ok && change.ticket.subcategory).toBe(' Deployment groups assignment');
    const other = checkNewTicket({ ...BASE, category: 'Apps', subcategory: 'Other' }, NOW);
    expect(other.ok && other.ticket.subcategory).toBe('Other ');
  });

  it('builds example 3 (incident) and leaves incident fields out of other types', () => {
    const incident = {
      ...BASE,
      type: 'Incident',
      subcategory: 'Configuration/Policy',
      usersOrDevicesImpacted: '100',
      businessImpact: 'Business Impact',
      issueDate: '2021-10-06',
      issueTime: '07:00',
      issueReproduced: 'true',
      endUserSupportEngaged: 'true',
      troubleshootingSteps: 'Describe any troubleshooting steps performed.',
    };
    expect(checkNewTicket(incident, NOW)).toEqual({
      ok: true,
      ticket: {
        title: 'Title',
        description: 'Description of ticket',
        type: 'Incident',
        category: 'Devices',
        subcategory: 'Configuration/Policy',
        usersOrDevicesImpacted: 100,
        businessImpact: 'Business Impact',
        issueFirstNoticed: '2021-10-06T07:00:00Z',
        issueReproduced: true,
        endUserSupportEngaged: true,
        troubleshootingSteps: 'Describe any troubleshooting steps performed.',
        severity: 4,
        contact: { givenName: 'John', surname: 'Doe', email: 'jd@contoso.com', phoneNumber: '+1 888' },
      },
    });
    const change = checkNewTicket({ ...incident, type: 'ChangeRequest' }, NOW);
    expect(change.ok && Object.keys(change.ticket).sort()).toEqual([
      'category',
      'contact',
      'description',
      'severity',
      'subcategory',
      'title',
      'type',
    ]);
  });

  it('reads the day and time in the user’s offset; a day alone is midnight', () => {
    expect(toInstant('2021-10-06', '09:00', 120)).toBe('2021-10-06T07:00:00Z');
    expect(toInstant('2021-10-06', '01:00', -300)).toBe('2021-10-06T06:00:00Z');
    const dayOnly = checkNewTicket({ ...BASE, type: 'Incident', issueDate: '2021-10-06' }, NOW);
    expect(dayOnly.ok && dayOnly.ticket.issueFirstNoticed).toBe('2021-10-06T00:00:00Z');
  });

  it('refuses a moment later today that has not come yet', () => {
    const result = checkNewTicket({ ...BASE, type: 'Incident', issueDate: '2026-11-22', issueTime: '18:00' }, NOW);
    expect(result.ok ? 'accepted' : result.errors.issueTime).toMatch(/in the future/);
  });

  it('reports every problem at once', () => {
    const result = checkNewTicket({ category: 'Apps', subcategory: 'Hardware', email: 'x' }, NOW);
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(
      ['description', 'email', 'givenName', 'phone', 'severity', 'subcategory', 'surname', 'title', 'type'].sort(),
    );
  });
});
