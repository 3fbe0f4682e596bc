import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Sql } from '../db/sql.ts';
import type { AuthConfig } from './config.ts';
import { AuthError, clientIp, emailProblem, readJson, sendJson, str } from './http.ts';
import { parseChallenge } from './pkce.ts';
import { checkOtpRateLimits, describeWait, recordOtpRequest } from './rate-limit.ts';
import { isAllowedRedirect, pathAndQuery } from './redirects.ts';
import { createUser, findUserByEmail, type UserRecord } from './users.ts';

// POST /otp: email a six-digit code and a sign-in link (GoTrue otp.go / magic_link.go).

export const generateOtp = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** GoTrue's token hash: hex(SHA-224(email + otp)), `pkce_`-prefixed in the PKCE flow. */
export function tokenHash(email: string, otp: string, pkce = false): string {
  const hash = createHash('sha224')
    .update(email + otp)
    .digest('hex');
  return pkce ? `pkce_${hash}` : hash;
}

/** Issues a new code for a user, replacing any earlier one. Caller holds a transaction. */
export async function issueCode(
  tx: Sql,
  user: UserRecord,
  pkce: boolean
): Promise<{ otp: string; hash: string }> {
  const email = (user.email ?? '').toLowerCase();
  const otp = generateOtp();
  const hash = tokenHash(email, otp, pkce);
  await tx.query(
    `update auth.users set recovery_token = $2, recovery_sent_at = now(), updated_at = now()
     where id = $1::uuid`,
    [user.id, hash]
  );
  await tx.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
     values ($1::uuid, $2::uuid, 'recovery_token', $3, $4, now(), now())
     on conflict (user_id, token_type) do update
       set token_hash = excluded.token_hash, relates_to = excluded.relates_to,
           created_at = now(), updated_at = now()`,
    [randomUUID(), user.id, hash, email]
  );
  return { otp, hash };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function codeEmail(to: string, otp: string, link: string, expirySeconds: number) {
  const expiry = describeWait(expirySeconds);
  const text =
    `Your sign-in code for Network Hub is ${otp}\n\n` +
    `Or sign in with this link:\n${link}\n\n` +
    `The code and the link work once and stop working after ${expiry}.\n` +
    `If you did not ask to sign in, you can ignore this email.\n`;
  const html =
    `<p>Your sign-in code for Network Hub is <strong>${otp}</strong></p>` +
    `<p>Or <a href="${escapeHtml(link)}">sign in with this link</a>.</p>` +
    `<p>The code and the link work once and stop working after ${expiry}.</p>` +
    `<p>If you did not ask to sign in, you can ignore this email.</p>`;
  return { to, subject: `Your Network Hub sign-in code: ${otp}`, text, html };
}

export async function handleOtp(
  cfg: AuthConfig,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams
): Promise<void> {
  const body = await readJson(req);
  const rawEmail = str(body, 'email')?.trim();
  if (!rawEmail) {
    if (str(body, 'phone'))
      throw new AuthError(
        400,
        'validation_failed',
        'Sign-in by phone is not available. Use your email address.'
      );
    throw new AuthError(
      400,
      'validation_failed',
      'An email address is required to send a sign-in code.'
    );
  }
  const problem = emailProblem(rawEmail);
  if (problem) throw problem;
  const email = rawEmail.toLowerCase();
  const challenge = parseChallenge(body.code_challenge, body.code_challenge_method);
  if (typeof challenge === 'string') throw new AuthError(400, 'validation_failed', challenge);
  const data =
    body.data && typeof body.data === 'object' && !Array.isArray(body.data)
      ? (body.data as Record<string, unknown>)
      : {};
  const allowCreate = body.create_user !== false;
  const ip = clientIp(req);

  const { hash, otp } = await cfg.sql.transaction(async (tx) => {
    // Serialise requests for one address so the per-email limit cannot be raced.
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [email]);
    let user = await findUserByEmail(tx, email);
    if (!user && !allowCreate)
      throw new AuthError(422, 'otp_disabled', 'Signups not allowed for otp');
    await checkOtpRateLimits(tx, email, ip, {
      emailWindowSeconds: cfg.emailRateLimitSeconds,
      ipPerHour: cfg.ipRateLimitPerHour
    });
    if (!user) user = await createUser(tx, { email, userMetadata: data });
    if (challenge) {
      await tx.query(
        `delete from auth.flow_state where user_id = $1::uuid and authentication_method = 'magiclink'`,
        [user.id]
      );
      await tx.query(
        `insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge,
           provider_type, authentication_method, created_at, updated_at)
         values ($1::uuid, $2::uuid, $3, $4, $5, 'magiclink', 'magiclink', now(), now())`,
        [randomUUID(), user.id, randomUUID(), challenge.method, challenge.challenge]
      );
    }
    const code = await issueCode(tx, user, !!challenge);
    await recordOtpRequest(tx, email, ip);
    return code;
  });

  const link = new URL('/auth/confirm', cfg.siteUrl);
  link.searchParams.set('token_hash', hash);
  link.searchParams.set('type', 'email');
  const redirectTo = query.get('redirect_to');
  if (redirectTo && isAllowedRedirect(redirectTo, cfg.siteUrl, cfg.additionalRedirectUrls))
    link.searchParams.set('next', pathAndQuery(redirectTo));
  await cfg.mailer.send(codeEmail(email, otp, link.href, cfg.otpExpirySeconds));
  cfg.log(`Sign-in for ${email}: code ${otp}, link ${link.href}`);
  sendJson(req, res, 200, {});
}
