import type { IncomingMessage } from 'node:http';
import type { AuthConfig } from './config.ts';
import { AuthError, bearerToken, isUuid } from './http.ts';
import { verifyJwt, type AccessClaims } from './tokens.ts';
import { findUserById, type UserRecord } from './users.ts';

// Bearer-token checks for the endpoints that act for a user or an administrator.

export async function requireClaims(cfg: AuthConfig, req: IncomingMessage): Promise<AccessClaims> {
  const token = bearerToken(req);
  if (!token)
    throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
  return verifyJwt(cfg, token);
}

/** The signed-in user behind the access token (GoTrue auth.go + maybeLoadUserOrSession). */
export async function requireUser(
  cfg: AuthConfig,
  req: IncomingMessage
): Promise<{ claims: AccessClaims; user: UserRecord }> {
  const claims = await requireClaims(cfg, req);
  if (!claims.sub || !isUuid(claims.sub))
    throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim');
  const user = await findUserById(cfg.sql, claims.sub);
  if (!user)
    throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
  if (claims.session_id) {
    const { rows } = await cfg.sql.query(
      'select 1 from auth.sessions where id = $1::uuid and user_id = $2::uuid',
      [
        isUuid(claims.session_id) ? claims.session_id : '00000000-0000-0000-0000-000000000000',
        user.id
      ]
    );
    if (rows.length === 0)
      throw new AuthError(
        403,
        'session_not_found',
        'Session from session_id claim in JWT does not exist'
      );
  }
  return { claims, user };
}

/** The service-role key (or any JWT with role service_role / supabase_admin). */
export async function requireAdmin(cfg: AuthConfig, req: IncomingMessage): Promise<void> {
  const claims = await requireClaims(cfg, req);
  if (claims.role !== 'service_role' && claims.role !== 'supabase_admin')
    throw new AuthError(403, 'not_admin', 'User not allowed');
}
