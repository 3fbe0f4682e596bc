import { SignJWT } from 'jose';

// The well-known local secret and keys of `supabase start`, so supabase-js and any
// tool configured for a local Supabase work against the embedded stack unchanged.
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

export const DEFAULT_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
export const DEFAULT_SERVICE_ROLE_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';

/** The issuer the API keys carry (hosted Supabase's say "supabase"). */
export const KEY_ISSUER = 'supabase-demo';

/** Mints an API key for `role` the way `supabase start` does (HS256, fixed expiry). */
export async function mintKey(secret: string, role: 'anon' | 'service_role'): Promise<string> {
  return new SignJWT({ iss: KEY_ISSUER, role, exp: 1983812996 })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

/** Keys for a secret: the well-known strings for the default secret, minted otherwise. */
export async function keysFor(secret: string) {
  if (secret === DEFAULT_JWT_SECRET)
    return { anonKey: DEFAULT_ANON_KEY, serviceRoleKey: DEFAULT_SERVICE_ROLE_KEY };
  return {
    anonKey: await mintKey(secret, 'anon'),
    serviceRoleKey: await mintKey(secret, 'service_role')
  };
}
