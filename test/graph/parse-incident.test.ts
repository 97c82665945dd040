import createResponse from '../fixtures/api-docs/graph/create-incident.response.json';
import { GraphApiError } from '../../src/graph/graph-api-error';
import { graphEnumLabel, isKnownGraphValue } from '../../src/graph/graph-enums';
import { parseIncident, parseIncidentPage } from '../../src/graph/parse-incident';

const ctx = { method: 'GET', path: '/v1.0/security/incidents' };

describe('parseIncident', () => {
  it('reads the documented beta response, its placeholder enum values kept as sent', () => {
    const incident = parseIncident(createResponse, ctx);
    expect(incident).toEqual({
      id: 'eb558b72-8b72-eb55-728b-55eb728b55eb',
      displayName: 'String',
      incidentWebUrl: 'String',
      redirectIncidentId: 'String',
      createdDateTime: 'String (timestamp)',
      lastUpdateDateTime: 'String (timestamp)',
      assignedTo: 'String',
      classification: 'String',
      determination: 'String',
      status: 'String',
      severity: 'String',
      tags: ['String'],
      // The document's comment carries only its type: kept, every field null.
      comments: [{ comment: null, createdByDisplayName: null, createdDateTime: null }],
    });
    expect(graphEnumLabel(incident.status)).toBe('String');
    expect(isKnownGraphValue(incident.status)).toBe(false);
  });

  it('tolerates nulls, wrong types, missing fields, v1.0 customTags and unknownFutureValue', () => {
    const incident = parseIncident(
      { id: 42, displayName: null, status: 'unknownFutureValue', severity: 7, tags: ['a', 3], customTags: ['b', 'a'], comments: 'none' },
      ctx,
    );
    expect(incident).toMatchObject({
      id: '42',
      displayName: null,
      status: 'unknownFutureValue',
      severity: null,
      tags: ['a', 'b'],
      comments: [],
      assignedTo: null,
    });
    expect(graphEnumLabel(incident.status)).toBe('Newer value, not known to this bot');
    expect(graphEnumLabel(null)).toBe('Not set');
    expect(graphEnumLabel('constructor')).toBe('constructor');
    expect(graphEnumLabel(' truePositive ')).toBe('True positive');
  });

  it('throws GraphApiError invalid_response for a body that is no incident', () => {
    for (const body of [null, [], 'x', {}, { id: '' }]) {
      expect(() => parseIncident(body, ctx)).toThrow(GraphApiError);
    }
    try {
      parseIncident({}, ctx);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_response', method: 'GET', path: '/v1.0/security/incidents' });
    }
  });

  it('reads a page, drops unreadable items (counted) and keeps the nextLink', () => {
    const page = parseIncidentPage({ value: [createResponse, { displayName: 'no id' }, 5], '@odata.nextLink': 'https://graph/next' }, ctx);
    expect(page.items).toHaveLength(1);
    expect(page.dropped).toBe(2);
    expect(page.nextLink).toBe('https://graph/next');
    expect(parseIncidentPage({ value: [] }, ctx).nextLink).toBeNull();
    expect(() => parseIncidentPage({ items: [] }, ctx)).toThrow(GraphApiError);
  });
});
