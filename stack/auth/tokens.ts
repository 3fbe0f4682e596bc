import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { Sql } from '../db/sql.ts';
import { USER_AUDIENCE, claimsProblem } from '../jwt-claims.ts';
import type { AuthConfig } from './config.ts';
import { AuthError } from './http.ts';
import { userJson, type UserRecord } from './users.ts';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Characters in a refresh token: 32 of base32 carry 160 random bits (GoTrue's 12 carry 60). */
export const REFRESH_TOKEN_LENGTH = 32;

/** A refresh token in GoTrue's alphabet (lowercase base32), long enough not to be guessed. */
export function generateRefreshToken(): string {
  // 256 is a multiple of 32, so `byte % 32` has no bias.
  return [...randomBytes(REFRESH_TOKEN_LENGTH)].map((b) => BASE32[b % 32]).join('');
}

/** GoTrue's format check: too short, or 12 characters that are not [a-z0-9]. */
export function isMalformedRefreshToken(token: string): boolean {
  return token.length < 12 || (token.length === 12 && !/^[a-z0-9]{12}$/.test(token));
}

export const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');

const key = (secret: string) => new TextEncoder().encode(secret);

export interface AccessClaims extends JWTPayload {
  sub: string;
  role?: string;
  email?: string;
  session_id?: string;
}

export async function signAccessToken(
  cfg: AuthConfig,
  user: UserRecord,
  sessionId: string,
  amr: { method: string; timestamp: number }[]
): Promise<{ token: string; iat: number; exp: number }> {
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + cfg.jwtExpirySeconds;
  const token = await new SignJWT({
    iss: cfg.issuer,
    sub: user.id,
    aud: USER_AUDIENCE,
    exp,
    iat,
    email: user.email ?? '',
    phone: user.phone ?? '',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    role: user.role ?? 'authenticated',
    aal: 'aal1',
    amr,
    session_id: sessionId,
    is_anonymous: user.is_anonymous ?? false
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(key(cfg.jwtSecret));
  return { token, iat, exp };
}

/** Verifies an HS256 JWT; any failure is GoTrue's 403 bad_jwt. */
export async function verifyJwt(cfg: AuthConfig, token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, key(cfg.jwtSecret), { algorithms: ['HS256'] });
    const problem = claimsProblem(payload, cfg.issuer);
    if (problem) throw new Error(problem);
    return payload as AccessClaims;
  } catch (e) {
    throw new AuthError(
      403,
      'bad_jwt',
      `invalid JWT: unable to parse or verify signature, ${(e as Error).message}`
    );
  }
}

export interface SessionBody {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: ReturnType<typeof userJson>;
}

export async function sessionBody(
  cfg: AuthConfig,
  user: UserRecord,
  sessionId: string,
  refreshToken: string,
  amr: { method: string; timestamp: number }[]
): Promise<SessionBody> {
  const { token, exp } = await signAccessToken(cfg, user, sessionId, amr);
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: cfg.jwtExpirySeconds,
    expires_at: exp,
    refresh_token: refreshToken,
    user: userJson(user)
  };
}

/** Stores a new refresh token (only its digest) for a session and returns the token. */
export async function insertRefreshToken(
  tx: Sql,
  userId: string,
  sessionId: string,
  parentHash: string | null
): Promise<string> {
  const token = generateRefreshToken();
  await tx.query(
    `insert into auth.refresh_tokens (token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ($1, $2, false, now(), now(), $3, $4::uuid)`,
    [sha256Hex(token), userId, parentHash, sessionId]
  );
  return token;
}

/** Starts a session for a signed-in user: a sessions row, a refresh token, a JWT. */
export async function createSession(
  tx: Sql,
  cfg: AuthConfig,
  user: UserRecord,
  meta: { userAgent?: string; ip?: string; method: string }
): Promise<SessionBody> {
  const sessionId = randomUUID();
  await tx.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
     values ($1::uuid, $2::uuid, now(), now(), 'aal1', $3, $4::inet)`,
    [sessionId, user.id, meta.userAgent ?? null, meta.ip && isIP(meta.ip) ? meta.ip : null]
  );
  const refresh = await insertRefreshToken(tx, user.id, sessionId, null);
  return sessionBody(cfg, user, sessionId, refresh, [
    { method: meta.method, timestamp: Math.floor(Date.now() / 1000) }
  ]);
}
