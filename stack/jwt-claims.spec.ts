import { describe, expect, it } from 'vitest';
import { claimsProblem } from './jwt-claims.ts';

const AUTH = 'http://127.0.0.1:54321/auth/v1';

describe('the claims a JWT must carry', () => {
  it('accept the API keys as supabase start mints them (key issuer, no audience)', () => {
    expect(claimsProblem({ iss: 'supabase-demo', role: 'anon' }, AUTH)).toBeNull();
    expect(claimsProblem({ iss: 'supabase-demo', role: 'service_role' }, AUTH)).toBeNull();
  });

  it('refuse an API key with another issuer or an audience', () => {
    expect(claimsProblem({ iss: 'elsewhere', role: 'service_role' }, AUTH)).toMatch(/issued by/);
    expect(claimsProblem({ iss: 'supabase-demo', role: 'anon', aud: 'x' }, AUTH)).toMatch(
      /no audience/
    );
  });

  it('accept a user token from this auth service, aud authenticated', () => {
    expect(
      claimsProblem({ iss: AUTH, role: 'authenticated', aud: 'authenticated' }, AUTH)
    ).toBeNull();
    expect(
      claimsProblem({ iss: AUTH, role: 'authenticated', aud: ['authenticated'] }, AUTH)
    ).toBeNull();
  });

  it('refuse a user token with a missing or wrong audience, or another issuer', () => {
    expect(claimsProblem({ iss: AUTH, role: 'authenticated' }, AUTH)).toMatch(/audience/);
    expect(claimsProblem({ iss: AUTH, role: 'authenticated', aud: 'other' }, AUTH)).toMatch(
      /audience/
    );
    expect(
      claimsProblem(
        { iss: 'https://evil.example', role: 'authenticated', aud: 'authenticated' },
        AUTH
      )
    ).toMatch(/issuer/);
  });
});
