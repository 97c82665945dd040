import { intentProblem } from './intent-validator';

// The fuzz test leans on this validator, so it must itself reject bad shapes.
describe('intentProblem', () => {
  it.each([
    [{ kind: 'help' }],
    [{ kind: 'tickets', states: ['active', 'closed'], severities: [1, 4], text: 'printer' }],
    [{ kind: 'ticket', id: 'MMD-1465058-R5V8P' }],
    [{ kind: 'unknown', text: 'x', suggestions: ['tickets'] }],
    [{ kind: 'elevations' }],
  ])('accepts %j', (intent) => {
    expect(intentProblem(intent)).toBeUndefined();
  });

  it.each([
    [null],
    [{ kind: 'nope' }],
    [{ kind: 'help', extra: 1 }],
    [{ kind: 'devices', search: '' }],
    [{ kind: 'devices', search: undefined }],
    [{ kind: 'device', name: 'has space' }],
    [{ kind: 'user', upn: 'nobody' }],
    [{ kind: 'tickets', states: ['open'], severities: [] }],
    [{ kind: 'tickets', states: [], severities: [5] }],
    [{ kind: 'tickets', states: [], severities: [2, 1] }],
    [{ kind: 'ticket', id: 'mmd-1465058-r5v8p' }],
    [{ kind: 'elevation' }],
    [{ kind: 'unknown', text: 'x', suggestions: ['a', 'b', 'c', 'd'] }],
    [{ kind: 'unknown', text: 'x', suggestions: ['reboot'] }],
  ])('rejects %j', (intent) => {
    expect(intentProblem(intent)).toEqual(expect.any(String));
  });
});
