import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Sql } from '../db/sql.ts';
import type { AuthConfig } from './config.ts';
import { AuthError, clientIp, emailProblem, readJson, redirect, sendJson, str } from './http.ts';
import {
  MAX_WRONG_CODES,
  checkVerifyRateLimit,
  recordVerifyFailure,
  triesLeft
} from './rate-limit.ts';
import { tokenHash } from './otp.ts';
import { resolveRedirect } from './redirects.ts';
import { createSession } from './tokens.ts';
import { isBanned, markSignedIn, type UserRecord } from './users.ts';

// GET and POST /verify: turn an emailed code or link into a session (GoTrue verify.go).

const VERIFY_TYPES = new Set(['email', 'magiclink', 'signup', 'recovery', 'invite']);

/**
 * Finds and locks the user whose current, unexpired link has this hash (stored with or
 * without the `pkce_` prefix). Null when there is none. A link's hash carries 224 bits,
 * so finding it by equality leaks nothing worth guessing.
 */
async function userForHash(tx: Sql, cfg: AuthConfig, hash: string): Promise<string | null> {
  const { rows } = await tx.query<{ user_id: string }>(
    `select o.user_id from auth.one_time_tokens o join auth.users u on u.id = o.user_id
      where o.token_type = 'recovery_token'
        and (o.token_hash = $1 or o.token_hash = 'pkce_' || $1 or 'pkce_' || o.token_hash = $1)
        and u.recovery_sent_at + make_interval(secs => $2::float8) > now()
      for update of o`,
    [hash, cfg.otpExpirySeconds]
  );
  return rows[0]?.user_id ?? null;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Equal hashes, compared in constant time (digests first, so lengths always match). */
export function sameHash(stored: string, candidate: string): boolean {
  return timingSafeEqual(digest(stored.replace(/^pkce_/, '')), digest(candidate));
}

const EXPIRED_CODE = 'Token has expired or is invalid. Ask for a new code.';
const VOID_CODE = `Token has expired or is invalid: ${MAX_WRONG_CODES} wrong codes were tried, so this code no longer works. Ask for a new code.`;

/**
 * Checks an emailed code for an address: the code is looked up by address and compared in
 * constant time; each wrong one is counted, and the fifth voids the code. Returns the
 * user's id or the refusal (which must still be committed).
 */
async function checkCode(
  tx: Sql,
  cfg: AuthConfig,
  email: string,
  code: string,
  ip: string
): Promise<string | AuthError> {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [email]);
  const { rows } = await tx.query<{
    user_id: string;
    token_hash: string;
    live: boolean;
    failures: number;
  }>(
    `select o.user_id, o.token_hash,
            u.recovery_sent_at + make_interval(secs => $2::float8) > now() as live,
            (select count(*)::int from auth.verify_failures f
              where f.email = $1 and f.created_at >= u.recovery_sent_at) as failures
       from auth.one_time_tokens o join auth.users u on u.id = o.user_id
      where o.token_type = 'recovery_token' and lower(u.email) = $1
      for update of o`,
    [email, cfg.otpExpirySeconds]
  );
  const row = rows[0];
  if (
    row &&
    row.live &&
    triesLeft(row.failures) > 0 &&
    sameHash(row.token_hash, tokenHash(email, code))
  )
    return row.user_id;

  await recordVerifyFailure(tx, email, ip);
  if (!row || !row.live) return new AuthError(403, 'otp_expired', EXPIRED_CODE);
  const left = triesLeft(row.failures + 1);
  if (left === 0) {
    await tx.query(
      `delete from auth.one_time_tokens where user_id = $1::uuid and token_type = 'recovery_token'`,
      [row.user_id]
    );
    return new AuthError(403, 'otp_expired', VOID_CODE);
  }
  return new AuthError(
    403,
    'otp_expired',
    `Token has expired or is invalid. Check the code in the latest email and try again: ${left} ${left === 1 ? 'try' : 'tries'} left before it stops working.`
  );
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
  if (email) {
    const problem = emailProblem(email);
    if (problem) throw problem;
  }
  const ip = clientIp(req);

  // A refusal is a value, so the counted failure commits with it.
  const outcome = await cfg.sql.transaction(async (tx) => {
    await checkVerifyRateLimit(tx, ip, cfg.ipRateLimitPerHour);
    let userId: string | AuthError;
    if (hash) {
      userId =
        (await userForHash(tx, cfg, hash)) ??
        new AuthError(
          403,
          'otp_expired',
          'Email link is invalid or has expired. Ask for a new one.'
        );
      if (userId instanceof AuthError) await recordVerifyFailure(tx, null, ip);
    } else {
      userId = await checkCode(tx, cfg, email!.toLowerCase(), token!.trim(), ip);
    }
    if (userId instanceof AuthError) return userId;
    const user = await markSignedIn(tx, userId);
    checkNotBanned(user);
    return createSession(tx, cfg, user, {
      method: 'otp',
      ip,
      userAgent: req.headers['user-agent']
    });
  });
  if (outcome instanceof AuthError) throw outcome;
  sendJson(req, res, 200, outcome);
}

/** The 303 target for a failed link: error in the fragment (and the query under PKCE). */
export function errorRedirect(
  target: string,
  pkce: boolean,
  refusal = new AuthError(403, 'otp_expired', 'Email link is invalid or has expired')
): string {
  const u = new URL(target);
  const params: [string, string][] = [
    ['error', 'access_denied'],
    ['error_code', refusal.code],
    ['error_description', refusal.message]
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

  const ip = clientIp(req);
  const outcome = await cfg.sql.transaction(async (tx) => {
    const limited = await checkVerifyRateLimit(tx, ip, cfg.ipRateLimitPerHour).then(
      () => null,
      (e: unknown) => {
        if (e instanceof AuthError) return e;
        throw e;
      }
    );
    if (limited) return { limited };
    const userId = await userForHash(tx, cfg, token);
    if (!userId) {
      await recordVerifyFailure(tx, null, ip);
      return null;
    }
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
      ip,
      userAgent: req.headers['user-agent']
    });
    return { session };
  });

  if (!outcome) return redirect(req, res, errorRedirect(target, pkce));
  if ('limited' in outcome) return redirect(req, res, errorRedirect(target, pkce, outcome.limited));
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
