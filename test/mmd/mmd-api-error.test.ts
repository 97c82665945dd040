import { inspect } from 'node:util';
import { scrubSecrets } from '../../src/http/api-error';
import { MmdApiError } from '../../src/mmd/mmd-api-error';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe('MmdApiError', () => {
  const error = new MmdApiError({
    status: 404,
    code: '404',
    serviceMessage: 'This device does not exist.',
    method: 'GET',
    path: 'tenants/t/devices/X',
    retryable: false,
    correlationId: 'abc-123',
  });

  it('carries the service answer', () => {
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('MmdApiError');
    expect(error.message).toBe('MMD GET tenants/t/devices/X failed with 404: This device does not exist.');
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'MmdApiError',
      message: error.message,
      status: 404,
      code: '404',
      serviceMessage: 'This device does not exist.',
      method: 'GET',
      path: 'tenants/t/devices/X',
      retryable: false,
      correlationId: 'abc-123',
    });
    expect(inspect(error)).toContain('This device does not exist.');
  });

  it('scrubs credentials a service might echo back, in every printed form', () => {
    const echoed = new MmdApiError({
      status: 500,
      code: '500',
      serviceMessage: `bad header Authorization: Bearer ${JWT} client_secret=s3cr3t-value&x=1 "password":"hunter2"`,
      method: 'GET',
      path: 'tickets',
      retryable: true,
      detail: `Bearer ${JWT}`,
    });
    for (const printed of [JSON.stringify(echoed), inspect(echoed), String(echoed), echoed.message, `${echoed.stack}`]) {
      expect(printed).not.toContain(JWT);
      expect(printed).not.toContain('s3cr3t-value');
      expect(printed).not.toContain('hunter2');
    }
  });

  it('truncates long raw bodies', () => {
    const long = new MmdApiError({ status: 502, code: '502', serviceMessage: 'x'.repeat(5000), method: 'GET', path: 'p', retryable: true });
    expect(long.serviceMessage!.length).toBeLessThan(600);
  });

  it('with() copies and changes fields', () => {
    const copy = error.with({ code: 'outcome_unknown', retryable: true });
    expect(copy).toBeInstanceOf(MmdApiError);
    expect(copy.code).toBe('outcome_unknown');
    expect(copy.status).toBe(404);
    expect(copy.correlationId).toBe('abc-123');
  });
});

describe('scrubSecrets', () => {
  it('leaves ordinary text alone', () => {
    expect(scrubSecrets('This elevation request was already closed.')).toBe('This elevation request was already closed.');
  });
});
