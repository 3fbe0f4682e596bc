import { describe, expect, it } from 'vitest';
import { RequestLog } from './request-log.ts';

describe('RequestLog', () => {
  it('returns only the requests made for one request id', () => {
    const log = new RequestLog();
    log.add({ requestId: 'a', service: 'rest', method: 'GET', path: '/x', status: 200 });
    log.add({ requestId: 'b', service: 'rest', method: 'GET', path: '/y', status: 200 });
    log.add({ requestId: 'a', service: 'auth', method: 'GET', path: '/user', status: 200 });
    expect(log.byRequestId('a').map((e) => e.path)).toEqual(['/x', '/user']);
  });

  it('forgets the oldest entries past its limit', () => {
    const log = new RequestLog(2);
    for (const id of ['1', '2', '3'])
      log.add({ requestId: id, service: 'rest', method: 'GET', path: '/', status: 200 });
    expect(log.byRequestId('1')).toHaveLength(0);
    expect(log.byRequestId('3')).toHaveLength(1);
  });
});
