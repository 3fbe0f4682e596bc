import type { JWTPayload } from 'jose';
import { KEY_ISSUER } from './keys.ts';

// Which audience and issuer a JWT must carry, per kind, as Supabase issues them: the API
// keys (roles anon and service_role) carry the key issuer and no audience; user tokens
// from the auth service carry aud "authenticated" and the auth service's URL as issuer.

/** The audience of every user access token (GoTrue's JWT_AUD). */
export const USER_AUDIENCE = 'authenticated';

const API_KEY_ROLES = new Set(['anon', 'service_role']);

/** Null when the claims are what this stack issues, else why not (for the error message). */
export function claimsProblem(claims: JWTPayload & { role?: unknown }, authIssuer: string) {
  const aud = claims.aud;
  if (typeof claims.role === 'string' && API_KEY_ROLES.has(claims.role)) {
    if (claims.iss !== KEY_ISSUER) return `an API key must be issued by "${KEY_ISSUER}"`;
    if (aud !== undefined) return 'an API key carries no audience';
    return null;
  }
  const audiences = Array.isArray(aud) ? aud : aud === undefined ? [] : [aud];
  if (!audiences.includes(USER_AUDIENCE)) return `the audience must be "${USER_AUDIENCE}"`;
  if (claims.iss !== authIssuer) return `the issuer must be "${authIssuer}"`;
  return null;
}
