import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthConfig } from './config.ts';
import { AuthError, clientIp, readJson, sendJson, str } from './http.ts';
import { verifierMatches, type ChallengeMethod } from './pkce.ts';
import {
  createSession,
  insertRefreshToken,
  isMalformedRefreshToken,
  sessionBody,
  sha256Hex,
  type SessionBody
} from './tokens.ts';
import { findUserById, isBanned } from './users.ts';

// POST /token grants: pkce (auth code + verifier) and refresh_token (rotation with reuse
// detection), after GoTrue token.go, token_refresh.go and models/refresh_token.go.

const FLOW_STATE_TTL_SECONDS = 300;

async function pkceGrant(cfg: AuthConfig, req: IncomingMessage): Promise<SessionBody> {
  const body = await readJson(req);
  const authCode = str(body, 'auth_code');
  const verifier = str(body, 'code_verifier');
  if (!authCode || !verifier)
    throw new AuthError(
      400,
      'validation_failed',
      'invalid request: both auth code and code verifier should be non-empty'
    );
  return cfg.sql.transaction(async (tx) => {
    const { rows } = await tx.query<{
      id: string;
      user_id: string | null;
      code_challenge: string;
      code_challenge_method: ChallengeMethod;
      authentication_method: string;
      auth_code_issued_at: string | null;
      expired: boolean;
    }>(
      `select id, user_id, code_challenge, code_challenge_method, authentication_method, auth_code_issued_at,
              coalesce(auth_code_issued_at, created_at) + make_interval(secs => $2::float8) < now() as expired
         from auth.flow_state where auth_code = $1 for update`,
      [authCode, FLOW_STATE_TTL_SECONDS]
    );
    const flow = rows[0];
    // A magic-link code only exists for the client once the emailed link was followed.
    if (
      !flow ||
      !flow.user_id ||
      (flow.authentication_method === 'magiclink' && !flow.auth_code_issued_at)
    )
      throw new AuthError(
        404,
        'flow_state_not_found',
        'invalid flow state, no valid flow state found'
      );
    if (flow.expired)
      throw new AuthError(422, 'flow_state_expired', 'invalid flow state, flow state has expired');
    if (!verifierMatches(verifier, flow.code_challenge, flow.code_challenge_method))
      throw new AuthError(
        400,
        'bad_code_verifier',
        'code challenge does not match previously saved code verifier'
      );
    await tx.query('delete from auth.flow_state where id = $1::uuid', [flow.id]);
    const user = await findUserById(tx, flow.user_id);
    if (!user) throw new AuthError(404, 'user_not_found', 'User not found');
    if (isBanned(user)) throw new AuthError(403, 'user_banned', 'User is banned');
    return createSession(tx, cfg, user, {
      method: 'otp',
      ip: clientIp(req),
      userAgent: req.headers['user-agent']
    });
  });
}

async function refreshGrant(cfg: AuthConfig, req: IncomingMessage): Promise<SessionBody> {
  const body = await readJson(req);
  const token = str(body, 'refresh_token') ?? '';
  if (isMalformedRefreshToken(token))
    throw new AuthError(400, 'validation_failed', 'Refresh token is not valid');
  const hash = sha256Hex(token);

  // Reuse detection deletes the session and must commit, so failures come back as values.
  const outcome = await cfg.sql.transaction(async (tx): Promise<SessionBody | AuthError> => {
    const { rows } = await tx.query<{
      id: number;
      user_id: string;
      revoked: boolean;
      session_id: string | null;
      reusable: boolean;
    }>(
      `select id, user_id, revoked, session_id,
              updated_at + make_interval(secs => $2::float8) > now() as reusable
         from auth.refresh_tokens where token = $1 for update`,
      [hash, cfg.refreshTokenReuseIntervalSeconds]
    );
    const row = rows[0];
    if (!row)
      return new AuthError(
        400,
        'refresh_token_not_found',
        'Invalid Refresh Token: Refresh Token Not Found'
      );
    const { rows: sessions } = await tx.query<{ id: string; created: number; expired: boolean }>(
      `select id, extract(epoch from created_at)::float8 as created,
              coalesce(not_after < now(), false) as expired
         from auth.sessions where id = $1::uuid for update`,
      [row.session_id]
    );
    const session = sessions[0];
    if (!session)
      return new AuthError(400, 'session_not_found', 'Invalid Refresh Token: Session Not Found');
    if (session.expired)
      return new AuthError(400, 'session_expired', 'Invalid Refresh Token: Session Expired');
    const user = await findUserById(tx, row.user_id);
    if (!user)
      return new AuthError(
        400,
        'refresh_token_not_found',
        'Invalid Refresh Token: Refresh Token Not Found'
      );
    if (isBanned(user))
      return new AuthError(400, 'user_banned', 'Invalid Refresh Token: User Banned');

    if (row.revoked) {
      // Only the digest is stored, so the current token cannot be handed back as GoTrue
      // does; within the reuse interval (parallel refreshes) we rotate again instead.
      if (!row.reusable) {
        // An old token came back: someone may hold a copy, so end the whole session.
        await tx.query('delete from auth.sessions where id = $1::uuid', [session.id]);
        return new AuthError(
          400,
          'refresh_token_already_used',
          'Invalid Refresh Token: Already Used'
        );
      }
    } else {
      await tx.query(
        'update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1',
        [row.id]
      );
    }
    const next = await insertRefreshToken(tx, user.id, session.id, hash);
    await tx.query(
      'update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1::uuid',
      [session.id]
    );
    return sessionBody(cfg, user, session.id, next, [
      { method: 'otp', timestamp: Math.floor(session.created) }
    ]);
  });
  if (outcome instanceof AuthError) throw outcome;
  return outcome;
}

export async function handleToken(
  cfg: AuthConfig,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams
): Promise<void> {
  const grant = query.get('grant_type');
  let session: SessionBody;
  if (grant === 'pkce') session = await pkceGrant(cfg, req);
  else if (grant === 'refresh_token') session = await refreshGrant(cfg, req);
  else
    throw new AuthError(
      400,
      'unsupported_grant_type',
      'Unsupported grant type: this service signs people in with emailed codes (pkce and refresh_token grants only).'
    );
  sendJson(req, res, 200, session);
}
