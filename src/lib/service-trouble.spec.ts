import { describe, expect, it } from 'vitest';
import { serviceTroubleOf } from './service-trouble.ts';

describe('which service trouble an error page shows', () => {
  it('is busy when the database gave up on a query, though the status is 503', () => {
    expect(serviceTroubleOf(503, { kind: 'busy' })).toBe('busy');
  });

  it('is unavailable for any other 503 or a data service that did not answer', () => {
    expect(serviceTroubleOf(503, { kind: 'unavailable' })).toBe('unavailable');
    expect(serviceTroubleOf(503, null)).toBe('unavailable');
    expect(serviceTroubleOf(500, { kind: 'unavailable' })).toBe('unavailable');
  });

  it('is none for errors about the request itself', () => {
    expect(serviceTroubleOf(404, { kind: 'not_found' })).toBeNull();
    expect(serviceTroubleOf(403, { kind: 'forbidden' })).toBeNull();
  });
});
