import { buildUrl, displayPath, queryString, resolveNextLink as resolveUnder } from '../../src/http/url';
import { MMD_PROFILE, MmdApiError } from '../../src/mmd/mmd-api-error';
import { segment } from '../../src/mmd/url';

const resolveNextLink = (base: string, link: string) => resolveUnder(base, link, MMD_PROFILE);

const BASE = 'https://mmdls.example/support/odata/v1/';

describe('url helpers', () => {
  it('encodes a path segment fully', () => {
    expect(segment('jdoe@contoso.onmicrosoft.com')).toBe('jdoe%40contoso.onmicrosoft.com');
    expect(segment('a/b?c#d')).toBe('a%2Fb%3Fc%23d');
  });

  it('refuses names that would be dot segments or empty', () => {
    for (const name of ['', '  ', '.', '..', '%2e%2E', '.%2e']) {
      expect(() => segment(name)).toThrow(MmdApiError);
    }
    expect(segment('...')).toBe('...');
  });

  it('builds query strings with literal $ keys and encoded values', () => {
    expect(queryString({ $filter: "state eq 'a&b'", $top: 2, searchText: undefined })).toBe('?$filter=state+eq+%27a%26b%27&$top=2');
    expect(queryString({ searchText: '$x' })).toBe('?searchText=%24x');
    expect(queryString({})).toBe('');
    expect(buildUrl(BASE, 'tickets', { $skip: 0 })).toBe(`${BASE}tickets?$skip=0`);
  });

  it('follows nextLinks under the API root only', () => {
    expect(resolveNextLink(BASE, `${BASE}tickets?$skip=50`)).toBe(`${BASE}tickets?$skip=50`);
    expect(resolveNextLink(BASE, 'tickets?$skip=50')).toBe(`${BASE}tickets?$skip=50`);
    for (const link of [
      'https://evil.example/support/odata/v1/tickets',
      'http://mmdls.example/support/odata/v1/tickets',
      'https://mmdls.example/other/tickets',
      '//evil.example/x',
    ]) {
      expect(() => resolveNextLink(BASE, link)).toThrow(/outside the MMD API root/);
    }
  });

  it('shows paths below the root', () => {
    expect(displayPath(BASE, `${BASE}tickets('A')/notes?x=1`)).toBe("tickets('A')/notes");
  });
});
