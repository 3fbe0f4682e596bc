import { describe, expect, it } from 'vitest';
import { resolveNext, safeNext } from './safe-next.ts';

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

  it('uses the fallback it is given', () => {
    expect(safeNext('http://x', '/me/profile')).toBe('/me/profile');
  });
});

describe('resolveNext', () => {
  const origin = 'http://127.0.0.1:3000';

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
});
