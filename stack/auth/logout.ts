import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthConfig } from './config.ts';
import { requireClaims } from './guard.ts';
import { AuthError, isUuid, sendEmpty } from './http.ts';

// POST /logout?scope=global|local|others (GoTrue logout.go). Deleting a session row takes
// its refresh tokens with it (on delete cascade), so they stop working at once.

export async function handleLogout(
  cfg: AuthConfig,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams
): Promise<void> {
  const scope = query.get('scope') || 'global';
  if (scope !== 'global' && scope !== 'local' && scope !== 'others')
    throw new AuthError(400, 'validation_failed', 'scope must be one of global, local or others');
  const claims = await requireClaims(cfg, req);
  if (!claims.sub || !isUuid(claims.sub))
    throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim');
  const sessionId = claims.session_id && isUuid(claims.session_id) ? claims.session_id : null;
  if (scope === 'global') {
    await cfg.sql.query('delete from auth.sessions where user_id = $1::uuid', [claims.sub]);
  } else if (scope === 'local') {
    if (sessionId)
      await cfg.sql.query('delete from auth.sessions where id = $1::uuid and user_id = $2::uuid', [
        sessionId,
        claims.sub
      ]);
  } else {
    await cfg.sql.query(
      'delete from auth.sessions where user_id = $1::uuid and ($2::uuid is null or id <> $2::uuid)',
      [claims.sub, sessionId]
    );
  }
  sendEmpty(req, res, 204);
}
