import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiRequestsFor, hub } from './hub.ts';

// Each page reads its data in 3 or fewer data API round trips (the session check aside).
describe('data API round trips of the foundation pages', () => {
  for (const path of ['/', '/sign-in']) {
    it(`${path} reads its data in 3 or fewer PostgREST requests`, async () => {
      const id = randomUUID();
      const res = await fetch(`${hub().appUrl}${path}`, { headers: { 'x-request-id': id } });
      expect(res.status).toBe(200);
      const rest = (await apiRequestsFor(id)).filter((r) => r.service === 'rest');
      expect(rest.length).toBeLessThanOrEqual(3);
      if (path === '/') expect(rest.length).toBeGreaterThan(0); // the home page reads real data
    });
  }
});
