import { describe, expect, it } from 'vitest';
import { openRedirectPayloads, staysOn } from '../../tests/data/open-redirect-payloads.ts';
import { resolveNext, safeNext } from './safe-next.ts';

const origin = 'http://127.0.0.1:3000';

/** A payload as written, and as a server reads it back out of `?next=`. */
function forms(payload: string): string[] {
  const decoded = new URLSearchParams(`next=${payload}`).get('next') ?? '';
  return decoded === payload ? [payload] : [payload, decoded];
}

describe('safeNext', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeNext('/me/profile')).toBe('/me/profile');
    expect(safeNext('/workstreams?status=active#list')).toBe('/workstreams?status=active#list');
  });

  it('falls back to the home page when there is nothing to go back to', () => {
    expect(safeNext(null)).toBe('/');
    expect(safeNext('')).toBe('/');
  });

  it('refuses other sites, however the address is disguised', () => {
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/path')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('/\t/evil.example')).toBe('/');
    expect(safeNext('javascript:alert(1)')).toBe('/');
  });

  it('refuses a path that only becomes protocol-relative once normalised', () => {
    expect(safeNext('/.//evil.example')).toBe('/');
    expect(safeNext('/a/..//evil.example')).toBe('/');
  });

  it('refuses encoded slashes and backslashes in the path', () => {
    expect(safeNext('/%2F%2Fevil.example')).toBe('/');
    expect(safeNext('/%5cevil.example')).toBe('/');
    expect(safeNext('/%252F%252Fevil.example')).toBe('/');
  });

  it('refuses a next nested inside next', () => {
    expect(safeNext('/sign-in?next=%2Fme')).toBe('/');
    expect(safeNext('/events?NEXT=/x')).toBe('/');
  });

  it('refuses invisible and control characters anywhere', () => {
    expect(safeNext('/me\u200b/x')).toBe('/');
    expect(safeNext('/me\u0000')).toBe('/');
    expect(safeNext('/me\n')).toBe('/');
  });

  it('keeps ordinary encoded characters in the query', () => {
    expect(safeNext('/search?q=caf%C3%A9%2Fbar')).toBe('/search?q=caf%C3%A9%2Fbar');
  });

  it('uses the fallback it is given', () => {
    expect(safeNext('http://x', '/me/profile')).toBe('/me/profile');
  });

  it(`sends every one of ${openRedirectPayloads.length} public open-redirect payloads to a path on this site, stably`, () => {
    expect(openRedirectPayloads.length).toBeGreaterThanOrEqual(50);
    for (const payload of openRedirectPayloads) {
      for (const next of forms(payload)) {
        const once = safeNext(next);
        expect(staysOn(origin, once), JSON.stringify(next)).toBe(true);
        expect(safeNext(once), JSON.stringify(next)).toBe(once);
      }
    }
  });
});

describe('resolveNext', () => {
  it('keeps a plain path', () => {
    expect(resolveNext('/me/profile', origin)).toBe('/me/profile');
  });

  it('accepts a full address on this site and refuses one on another', () => {
    expect(resolveNext('http://127.0.0.1:3000/events?x=1', origin)).toBe('/events?x=1');
    expect(resolveNext('https://evil.example/events', origin)).toBe('/');
  });

  it('unwraps a next that points back at the sign-in return page', () => {
    expect(resolveNext('/auth/confirm?next=%2Fme%2Fprofile', origin)).toBe('/me/profile');
    expect(resolveNext('http://127.0.0.1:3000/auth/confirm?next=%2Fworkstreams', origin)).toBe(
      '/workstreams'
    );
    expect(resolveNext('/auth/confirm', origin)).toBe('/');
  });

  it('refuses a nested next that leads off the site', () => {
    expect(resolveNext('/auth/confirm?next=%2F%2Fevil.example', origin)).toBe('/');
    expect(resolveNext('/auth/confirm?next=/.//evil.example', origin)).toBe('/');
  });

  it('sends every public open-redirect payload to a path on this site', () => {
    for (const payload of openRedirectPayloads) {
      for (const next of forms(payload)) {
        expect(staysOn(origin, resolveNext(next, origin)), JSON.stringify(next)).toBe(true);
      }
    }
  });
});
