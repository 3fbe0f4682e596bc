import { redirect } from '@sveltejs/kit';
import type { EmailOtpType } from '@supabase/supabase-js';
import { resolveNext } from '#lib/safe-next.ts';
import { forgetSignInEmail } from '#lib/server/auth.ts';
import { failPage } from '#lib/server/page-errors.ts';
import { toDataError } from '#lib/server/errors.ts';
import type { RequestHandler } from './$types';

const EMAIL_OTP_TYPES: readonly EmailOtpType[] = [
  'email',
  'magiclink',
  'signup',
  'invite',
  'recovery',
  'email_change'
];

function isEmailOtpType(value: string | null): value is EmailOtpType {
  return value !== null && (EMAIL_OTP_TYPES as readonly string[]).includes(value);
}

// The link in the sign-in email: /auth/confirm?token_hash=...&type=email&next=/somewhere
export const GET: RequestHandler = async ({ url, locals, cookies }) => {
  const tokenHash = url.searchParams.get('token_hash');
  const type = url.searchParams.get('type') ?? 'email';
  const code = url.searchParams.get('code');
  const next = resolveNext(url.searchParams.get('next'), url.origin);

  let error: unknown = null;
  if (tokenHash && isEmailOtpType(type)) {
    ({ error } = await locals.supabase.auth.verifyOtp({ token_hash: tokenHash, type }));
  } else if (code) {
    ({ error } = await locals.supabase.auth.exchangeCodeForSession(code));
  } else {
    redirect(303, '/auth/error');
  }

  if (error) {
    if (toDataError(error).kind === 'unavailable') failPage(error);
    redirect(303, `/auth/error?next=${encodeURIComponent(next)}`);
  }
  forgetSignInEmail(cookies);
  redirect(303, next);
};
