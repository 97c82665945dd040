import { EmulatorError } from '../../src/emulator/errors';
import type { Route } from '../../src/emulator/http';
import { Router } from '../../src/emulator/router';

const handler = () => ({ status: 200 });
const route = (method: Route['method'], path: string): Route => ({ method, path, auth: 'none', handler });
const ROUTES = [
  route('GET', '/:tenantId/discovery/instance'),
  route('GET', '/common/discovery/instance'),
  route('GET', '/api/tickets/:key'),
  route('PATCH', '/api/tickets/:key'),
  route('POST', '/api/tickets'),
];
const router = new Router(ROUTES);

describe('emulator router', () => {
  it('matches parameters, URL-decoded, and ignores a trailing slash', () => {
    const match = router.match('GET', '/api/tickets/MMD%2F1%20x/');
    expect(match).toEqual({ kind: 'found', route: ROUTES[2], params: { key: 'MMD/1 x' } });
  });

  it('prefers the pattern with more literal segments', () => {
    expect(router.match('GET', '/common/discovery/instance')).toMatchObject({ kind: 'found', route: ROUTES[1], params: {} });
    expect(router.match('GET', '/contoso/discovery/instance')).toMatchObject({
      kind: 'found',
      route: ROUTES[0],
      params: { tenantId: 'contoso' },
    });
  });

  it('tells a wrong method (with the allowed ones) from an unknown path', () => {
    expect(router.match('DELETE', '/api/tickets/1')).toEqual({ kind: 'method', allowed: ['GET', 'PATCH'] });
    expect(router.match('GET', '/api/tickets/1/more')).toEqual({ kind: 'none' });
    expect(router.match('GET', '/api/tickets/')).toEqual({ kind: 'method', allowed: ['POST'] });
    expect(router.match('GET', '/api//x')).toEqual({ kind: 'none' });
  });

  it('answers bad percent-encoding in a parameter with a 400', () => {
    expect(() => router.match('GET', '/api/tickets/%E0%A4%A')).toThrow(EmulatorError);
    try {
      router.match('GET', '/api/tickets/%E0%A4%A');
    } catch (error) {
      expect((error as EmulatorError).status).toBe(400);
    }
  });
});
