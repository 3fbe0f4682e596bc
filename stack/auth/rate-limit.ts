import type { Sql } from '../db/sql.ts';
import { AuthError } from './http.ts';

// Limits on emailed codes, counted in auth.otp_requests (one row per email sent).

/** Whole seconds until the per-email window reopens (0 when a new email may go now). */
export function emailRetryAfter(secondsSinceLast: number | null, windowSeconds: number): number {
  if (secondsSinceLast === null) return 0;
  const left = windowSeconds - secondsSinceLast;
  return left > 0 ? Math.ceil(left) : 0;
}

/**
 * Per-IP sliding hour: with `count` sends in the last `windowSeconds`, the oldest
 * `oldestAgeSeconds` ago, returns seconds until one more is allowed (0 = allowed now).
 */
export function ipRetryAfter(
  count: number,
  oldestAgeSeconds: number | null,
  limit: number,
  windowSeconds = 3600
): number {
  if (count < limit || oldestAgeSeconds === null) return 0;
  return Math.max(1, Math.ceil(windowSeconds - oldestAgeSeconds));
}

/** "3 minutes", "1 minute", "45 seconds": for messages a person reads. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** Throws GoTrue's 429s when this email or IP has had too many code emails. */
export async function checkOtpRateLimits(
  tx: Sql,
  email: string,
  ip: string,
  limits: { emailWindowSeconds: number; ipPerHour: number }
): Promise<void> {
  const { rows: ipRows } = await tx.query<{ n: number; oldest: number | null }>(
    `select count(*)::int as n, extract(epoch from now() - min(created_at))::float8 as oldest
       from auth.otp_requests where ip = $1 and created_at > now() - interval '1 hour'`,
    [ip]
  );
  const ipWait = ipRetryAfter(ipRows[0]?.n ?? 0, ipRows[0]?.oldest ?? null, limits.ipPerHour);
  if (ipWait > 0)
    throw new AuthError(
      429,
      'over_request_rate_limit',
      `Too many sign-in codes have been requested from your network. Try again in ${describeWait(ipWait)}.`,
      {},
      { 'Retry-After': String(ipWait) }
    );

  const { rows: emailRows } = await tx.query<{ since: number | null }>(
    `select extract(epoch from now() - max(created_at))::float8 as since
       from auth.otp_requests where email = $1`,
    [email]
  );
  const emailWait = emailRetryAfter(emailRows[0]?.since ?? null, limits.emailWindowSeconds);
  if (emailWait > 0)
    throw new AuthError(
      429,
      'over_email_send_rate_limit',
      `For security purposes, you can only request this after ${emailWait} seconds.`,
      {},
      { 'Retry-After': String(emailWait) }
    );
}

/** Wrong codes an address may send for one code; the next refusal voids the code. */
export const MAX_WRONG_CODES = 5;

/** Tries left for a code after `failures` wrong ones (0 = the code is void). */
export const triesLeft = (failures: number) => Math.max(0, MAX_WRONG_CODES - failures);

/** Throws a 429 when this IP has sent too many wrong codes or links in the last hour. */
export async function checkVerifyRateLimit(tx: Sql, ip: string, perHour: number): Promise<void> {
  const { rows } = await tx.query<{ n: number; oldest: number | null }>(
    `select count(*)::int as n, extract(epoch from now() - min(created_at))::float8 as oldest
       from auth.verify_failures where ip = $1 and created_at > now() - interval '1 hour'`,
    [ip]
  );
  const wait = ipRetryAfter(rows[0]?.n ?? 0, rows[0]?.oldest ?? null, perHour);
  if (wait > 0)
    throw new AuthError(
      429,
      'over_request_rate_limit',
      `Too many wrong sign-in codes or links have come from your network. Try again in ${describeWait(wait)}.`,
      {},
      { 'Retry-After': String(wait) }
    );
}

export async function recordVerifyFailure(tx: Sql, email: string | null, ip: string) {
  await tx.query(`insert into auth.verify_failures (email, ip) values ($1, $2)`, [email, ip]);
  await tx.query(`delete from auth.verify_failures where created_at < now() - interval '1 day'`);
}

export async function recordOtpRequest(tx: Sql, email: string, ip: string): Promise<void> {
  await tx.query(`insert into auth.otp_requests (email, ip) values ($1, $2)`, [email, ip]);
  // Rows older than the longest window are no longer needed.
  await tx.query(`delete from auth.otp_requests where created_at < now() - interval '1 day'`);
}
