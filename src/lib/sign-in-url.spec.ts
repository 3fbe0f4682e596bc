import { describe, expect, it } from 'vitest';
import { signInUrl } from './sign-in-url.ts';

describe('signInUrl', () => {
  it('comes back to the path it was given, encoded', () => {
    expect(signInUrl('/commitments/new')).toBe('/sign-in?next=%2Fcommitments%2Fnew');
  });

  it('keeps the query of a URL so filters survive signing in', () => {
    expect(signInUrl(new URL('http://hub.test/steering?overdue_page=2'))).toBe(
      '/sign-in?next=%2Fsteering%3Foverdue_page%3D2'
    );
  });
});
