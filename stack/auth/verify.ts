import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Sql } from '../db/sql.ts';
import type { AuthConfig } from './config.ts';
import { AuthError, clientIp, readJson, redirect, sendJson, str } from './http.ts';
import { tokenHash } from './otp.ts';
import { resolveRedirect } from './redirects.ts';
import { createSession } from './tokens.ts';
import { isBanned, markSignedIn, type UserRecord } from './users.ts';

// GET and POST /verify: turn an emailed code or link into a session (GoTrue verify.go).

const VERIFY_TYPES = new Set(['email', 'magiclink', 'signup', 'recovery', 'invite']);

/**
 * Finds and locks the user whose current, unexpired code has this hash (stored with or
 * without the `pkce_` prefix). Null when there is none.
 */
async function userForHash(
  tx: Sql,
  cfg: AuthConfig,
  hash: string,
  email?: string
): Promise<string | null> {
  const { rows } = await tx.query<{ user_id: string }>(
    `select o.user_id from auth.one_time_tokens o join auth.users u on u.id = o.user_id
      where o.token_type = 'recovery_token'
        and (o.token_hash = $1 or o.token_hash = 'pkce_' || $1 or 'pkce_' || o.token_hash = $1)
        and u.recovery_sent_at + make_interval(secs => $2::float8) > now()
        and ($3::text is null or lower(u.email) = lower($3::text))
      for update of o`,
    [hash, cfg.otpExpirySeconds, email ?? null]
  );
  return rows[0]?.user_id ?? null;
}

function checkNotBanned(user: UserRecord) {
  if (isBanned(user)) throw new AuthError(403, 'user_banned', 'User is banned');
}

export async function handleVerifyPost(
  cfg: AuthConfig,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  const body = await readJson(req);
  const type = str(body, 'type');
  const token = str(body, 'token') || undefined;
  const hash = str(body, 'token_hash') || undefined;
  const email = str(body, 'email')?.trim() || undefined;
  if (!type || !VERIFY_TYPES.has(type))
    throw new AuthError(
      400,
      'validation_failed',
      `Verify requires a type: one of ${[...VERIFY_TYPES].join(', ')}`
    );
  if ((token ? 1 : 0) + (hash ? 1 : 0) !== 1)
    throw new AuthError(400, 'validation_failed', 'Verify requires either a token or a token hash');
  if (hash && (email || str(body, 'phone') || str(body, 'redirect_to')))
    throw new AuthError(
      400,
      'validation_failed',
      'Only the token_hash and type should be provided'
    );
  if (token && !email)
    throw new AuthError(
      400,
      'validation_failed',
      'Only an email address or phone number should be provided on verify'
    );

  const session = await cfg.sql.transaction(async (tx) => {
    const lookup = hash ?? tokenHash(email!.toLowerCase(), token!.trim());
    const userId = await userForHash(tx, cfg, lookup, hash ? undefined : email);
    if (!userId)
      throw new AuthError(
        403,
        'otp_expired',
        hash ? 'Email link is invalid or has expired' : 'Token has expired or is invalid'
      );
    const user = await markSignedIn(tx, userId);
    checkNotBanned(user);
    return createSession(tx, cfg, user, {
      method: 'otp',
      ip: clientIp(req),
      userAgent: req.headers['user-agent']
    });
  });
  sendJson(req, res, 200, session);
}

/** The 303 target for a failed link: error in the fragment (and the query under PKCE). */
export function errorRedirect(target: string, pkce: boolean): string {
  const u = new URL(target);
  const params: [string, string][] = [
    ['error', 'access_denied'],
    ['error_code', 'otp_expired'],
    ['error_description', 'Email link is invalid or has expired']
  ];
  if (pkce) for (const [k, v] of params) u.searchParams.set(k, v);
  const frag = new URLSearchParams(params);
  frag.set('sb', '');
  u.hash = frag.toString();
  return u.href;
}

export async function handleVerifyGet(
  cfg: AuthConfig,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams
): Promise<void> {
  const token = query.get('token') ?? '';
  const type = query.get('type') ?? '';
  const target = resolveRedirect(query.get('redirect_to'), cfg.siteUrl, cfg.additionalRedirectUrls);
  const pkce = token.startsWith('pkce_');
  if (!token || !VERIFY_TYPES.has(type)) return redirect(req, res, errorRedirect(target, pkce));

  const outcome = await cfg.sql.transaction(async (tx) => {
    const userId = await userForHash(tx, cfg, token);
    if (!userId) return null;
    const user = await markSignedIn(tx, userId);
    if (isBanned(user)) return null;
    if (pkce) {
      const { rows } = await tx.query<{ auth_code: string }>(
        `update auth.flow_state set auth_code_issued_at = now(), updated_at = now()
          where id = (select id from auth.flow_state
                       where user_id = $1::uuid and authentication_method = 'magiclink'
                       order by created_at desc limit 1)
          returning auth_code`,
        [user.id]
      );
      const row = rows[0];
      return row ? { code: row.auth_code } : null;
    }
    const session = await createSession(tx, cfg, user, {
      method: 'otp',
      ip: clientIp(req),
      userAgent: req.headers['user-agent']
    });
    return { session };
  });

  if (!outcome) return redirect(req, res, errorRedirect(target, pkce));
  const u = new URL(target);
  if ('code' in outcome) {
    u.searchParams.set('code', outcome.code ?? '');
    return redirect(req, res, u.href);
  }
  const s = outcome.session;
  const frag = new URLSearchParams({
    access_token: s.access_token,
    expires_at: String(s.expires_at),
    expires_in: String(s.expires_in),
    refresh_token: s.refresh_token,
    sb: '',
    token_type: 'bearer',
    type
  });
  u.hash = frag.toString();
  redirect(req, res, u.href);
}
