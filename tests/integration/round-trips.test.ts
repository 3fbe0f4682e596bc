import { describe, expect, it } from 'vitest';
import { getPage, member, restRoundTrips } from './session.ts';

// Each page reads its data in 3 or fewer data API round trips (the session check aside).
// The workstream, commitment, steering and browse pages are counted in their own tests;
// these are the foundation's pages.
describe('data API round trips of the foundation pages', () => {
  for (const path of ['/', '/sign-in', '/feedback', '/data', '/auth/error', '/sign-out']) {
    it(`${path} answers a visitor with 3 or fewer PostgREST requests`, async () => {
      const { response, requestId } = await getPage(path);
      expect(response.status).toBe(200);
      const rest = await restRoundTrips(requestId);
      expect(rest).toBeLessThanOrEqual(3);
      if (path === '/') expect(rest).toBeGreaterThan(0); // the home page reads real data
    });
  }

  // The signed-in home reads what needs the member in one call (public.home_for_me).
  for (const [path, shows] of [
    ['/', 'What needs you'],
    ['/me/profile', 'Your profile']
  ] as const) {
    it(`${path} answers a member with 3 or fewer PostgREST requests`, async () => {
      const { cookie } = await member('round-trips');
      const { response, requestId, html } = await getPage(path, cookie);
      expect(response.status).toBe(200);
      expect(html).toContain(shows);
      const rest = await restRoundTrips(requestId);
      expect(rest).toBeGreaterThan(0);
      expect(rest).toBeLessThanOrEqual(3);
    });
  }
});
